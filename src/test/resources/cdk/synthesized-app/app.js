const cdk = require('aws-cdk-lib');
const sfn = require('aws-cdk-lib/aws-stepfunctions');
const sqs = require('aws-cdk-lib/aws-sqs');
const tasks = require('aws-cdk-lib/aws-stepfunctions-tasks');
const lambda = require('aws-cdk-lib/aws-lambda');
const app = new cdk.App({ analyticsReporting: false });
const parent = new cdk.Stack(app, 'ParentStack');
const queue = new sqs.Queue(parent, 'Queue');
class Inner extends cdk.NestedStack {
  constructor(scope, id) {
    super(scope, id);
    new sfn.StateMachine(this, 'InnerFlow', { definitionBody: sfn.DefinitionBody.fromChainable(
      new tasks.SqsSendMessage(this, 'Send', { queue, messageBody: sfn.TaskInput.fromText('hi') })) });
    this.fn = new lambda.Function(this, 'InnerFn', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => ({})') });
  }
}
const inner = new Inner(parent, 'Inner');
new sfn.StateMachine(parent, 'ParentFlow', { definitionBody: sfn.DefinitionBody.fromChainable(
  new tasks.LambdaInvoke(parent, 'CallInner', { lambdaFunction: inner.fn })) });
const stage = new cdk.Stage(app, 'Prod', { env: { account: '444455556666', region: 'eu-central-1' } });
const s2 = new cdk.Stack(stage, 'OrdersStack');
new sfn.StateMachine(s2, 'Flow', { definitionBody: sfn.DefinitionBody.fromChainable(new sfn.Pass(s2, 'P')) });
app.synth();
