import * as path from 'path';
import * as cdk from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';

export interface OrdersStackProps extends cdk.StackProps {
  readonly alerts: sns.ITopic;
}

/**
 * The order workflow: save the order, charge the card (a Lambda function, retried on throttling),
 * queue it for shipping; a failed charge marks the order and alerts the shared topic.
 * RefundFlow is written in ASL in a file (an S3 asset with DefinitionSubstitutions once synthesized).
 */
export class OrdersStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props: OrdersStackProps) {
    super(scope, id, props);

    const table = new dynamodb.Table(this, 'Orders', {
      partitionKey: { name: 'orderId', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      removalPolicy: cdk.RemovalPolicy.DESTROY,
    });
    const shipping = new sqs.Queue(this, 'ShippingQueue');
    const charge = new lambda.Function(this, 'ChargeCard', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline(
        'exports.handler = async (e) => ({ chargeId: "ch-" + e.orderId, amount: e.total });'),
    });

    const saveOrder = new tasks.DynamoPutItem(this, 'SaveOrder', {
      table,
      item: {
        orderId: tasks.DynamoAttributeValue.fromString(sfn.JsonPath.stringAt('$.orderId')),
        status: tasks.DynamoAttributeValue.fromString('RECEIVED'),
      },
      resultPath: sfn.JsonPath.DISCARD,
    });
    const chargeCard = new tasks.LambdaInvoke(this, 'ChargeCard Task', {
      lambdaFunction: charge,
      payloadResponseOnly: true,
      resultPath: '$.payment',
      stateName: 'ChargeCard',
    });
    chargeCard.addRetry({ errors: ['Lambda.TooManyRequestsException'], interval: cdk.Duration.seconds(2), maxAttempts: 3 });
    const shipOrder = new tasks.SqsSendMessage(this, 'ShipOrder', {
      queue: shipping,
      messageBody: sfn.TaskInput.fromObject({
        orderId: sfn.JsonPath.stringAt('$.orderId'),
        chargeId: sfn.JsonPath.stringAt('$.payment.chargeId'),
      }),
      resultPath: sfn.JsonPath.DISCARD,
    });
    const markFailed = new tasks.DynamoUpdateItem(this, 'MarkFailed', {
      table,
      key: { orderId: tasks.DynamoAttributeValue.fromString(sfn.JsonPath.stringAt('$.orderId')) },
      updateExpression: 'SET #s = :s',
      expressionAttributeNames: { '#s': 'status' },
      expressionAttributeValues: { ':s': tasks.DynamoAttributeValue.fromString('PAYMENT_FAILED') },
      resultPath: sfn.JsonPath.DISCARD,
    });
    const alert = new tasks.SnsPublish(this, 'AlertPaymentFailed', {
      topic: props.alerts,
      message: sfn.TaskInput.fromJsonPathAt('$.error'),
      resultPath: sfn.JsonPath.DISCARD,
    });
    const failed = new sfn.Fail(this, 'PaymentFailed', { error: 'PaymentFailed', cause: 'The card was declined' });
    chargeCard.addCatch(markFailed.next(alert).next(failed), { resultPath: '$.error' });

    new sfn.StateMachine(this, 'OrderFlow', {
      definitionBody: sfn.DefinitionBody.fromChainable(
        saveOrder.next(chargeCard).next(shipOrder).next(new sfn.Succeed(this, 'Shipped'))),
    });

    new sfn.StateMachine(this, 'RefundFlow', {
      definitionBody: sfn.DefinitionBody.fromFile(path.join(__dirname, '..', 'definitions', 'refund.asl.json')),
      definitionSubstitutions: {
        ChargeCardArn: charge.functionArn,
        OrdersTable: table.tableName,
        AlertsTopicArn: props.alerts.topicArn,
      },
    });
  }
}
