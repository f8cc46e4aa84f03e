#!/usr/bin/env node
// The example CDK app: a shared stack exporting an SNS topic, and the orders stack whose state
// machines use it through a cross-stack reference (Fn::ImportValue in the synthesized template).
import * as cdk from 'aws-cdk-lib';
import { SharedStack } from '../lib/shared-stack';
import { OrdersStack } from '../lib/orders-stack';

const app = new cdk.App({ analyticsReporting: false });
const shared = new SharedStack(app, 'SharedStack');
new OrdersStack(app, 'OrdersStack', { alerts: shared.alerts });
app.synth();
