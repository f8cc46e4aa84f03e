import * as cdk from 'aws-cdk-lib';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

export class SharedStack extends cdk.Stack {
  readonly alerts: sns.Topic;

  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    this.alerts = new sns.Topic(this, 'Alerts');
  }
}
