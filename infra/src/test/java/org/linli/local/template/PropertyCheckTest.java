package org.linli.local.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.linli.local.TemplateLocator;

/**
 * The local cloud refuses what it does not know - a misspelt or new property would otherwise run
 * one way locally and another on AWS - and names the line, the resource and the property path.
 */
class PropertyCheckTest {
    private static final String API = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Api:
                Type: AWS::Serverless::HttpApi
                Properties:
                  Auth:
                    DefaultAuthorizer: Tokens
                    Authorizers:
                      Tokens:
                        FunctionArn: !GetAtt Authorizer.Arn
                        AuthorizerPayloadFormatVersion: "2.0"
                        Identity:
                          Headers: [Authorization]
                          %s: 300
              Authorizer:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: x.Authorizer
            """;

    private static TemplateModel read(String yaml) {
        return new TemplateReader(StackContext.defaults(), Map.of(), n -> Optional.empty()).parse(yaml);
    }

    private static String refusal(String yaml) {
        return assertThrows(TemplateException.class, () -> read(yaml)).getMessage();
    }

    @Test
    void theMisspeltAuthorizerCacheIsRefusedWithItsLineAndPath() {
        String message = refusal(API.formatted("ReuseTtlInSeconds"));
        assertTrue(message.contains("line 14: Api (AWS::Serverless::HttpApi) Properties.Auth.Authorizers.Tokens.Identity"
                + ".ReuseTtlInSeconds: unknown property 'ReuseTtlInSeconds' (known here: Headers, QueryStrings, ReauthorizeEvery)"), message);
        assertEquals(300, read(API.formatted("ReauthorizeEvery")).httpApis().get("Api").authorizers().get("Tokens").reauthorizeEverySeconds());
    }

    @Test
    void aTypoInAQueuePropertyIsRefusedAndEveryProblemIsListedAtOnce() {
        String message = refusal("""
                Resources:
                  Work:
                    Type: AWS::SQS::Queue
                    Properties:
                      VisibilityTimout: 30
                      RedrivePolicy:
                        deadLetterTargetArn: !GetAtt Dead.Arn
                        maxRecieveCount: 3
                  Dead:
                    Type: AWS::SQS::Queue
                """);
        assertTrue(message.contains("does not know 2 properties"), message);
        assertTrue(message.contains("line 5: Work (AWS::SQS::Queue) Properties.VisibilityTimout: unknown property 'VisibilityTimout'"), message);
        assertTrue(message.contains("line 8: Work (AWS::SQS::Queue) Properties.RedrivePolicy.maxRecieveCount: unknown property"), message);
    }

    @Test
    void deployOnlyPropertiesAreAcceptedOnPurpose() {
        TemplateModel m = read("""
                Resources:
                  Work:
                    Type: AWS::SQS::Queue
                    Properties: { SqsManagedSseEnabled: true, Tags: [{ Key: app, Value: linli }] }
                  Table:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      BillingMode: PAY_PER_REQUEST
                      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
                      KeySchema: [{ AttributeName: id, KeyType: HASH }]
                      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }
                      SSESpecification: { SSEEnabled: true }
                  Depth:
                    Type: AWS::CloudWatch::Alarm
                    Properties:
                      Namespace: AWS/SQS
                      MetricName: ApproximateNumberOfMessagesVisible
                      Dimensions: [{ Name: QueueName, Value: !GetAtt Work.QueueName }]
                      Threshold: 0
                      Period: 60
                      EvaluationPeriods: 1
                      TreatMissingData: notBreaching
                """);
        assertEquals("Work", m.alarms().get(0).queueLogicalId());
    }

    @Test
    void aMisspellingInsideADeployOnlyPropertyIsStillRefused() {
        String message = refusal("""
                Resources:
                  Table:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
                      KeySchema: [{ AttributeName: id, KeyType: HASH }]
                      BillingMode: PAY_PER_REQUEST
                      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnable: true }
                """);
        assertTrue(message.contains("line 8: Table (AWS::DynamoDB::Table) Properties.PointInTimeRecoverySpecification"
                + ".PointInTimeRecoveryEnable: unknown property"), message);
    }

    @Test
    void globalsAreCheckedWhereTheyAreWrittenAndBothBranchesOfAnIf() {
        String message = refusal("""
                Conditions:
                  Prod: !Equals [a, b]
                Globals:
                  Function:
                    Runtime: java21
                    SnapStart: { ApplyOnn: PublishedVersions }
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: x.Y
                      LoggingConfig: !If [Prod, { LogFormat: JSON }, { LogFormatt: Text }]
                """);
        assertTrue(message.contains("line 6: Fn (AWS::Serverless::Function) Properties.SnapStart.ApplyOnn: unknown property"), message);
        assertTrue(message.contains("line 12: Fn (AWS::Serverless::Function) Properties.LoggingConfig.LogFormatt: unknown property"), message);
    }

    @Test
    void eventsPoliciesTypesSectionsParametersAndOutputsAreCheckedToo() {
        String message = refusal("""
                Parameters:
                  Stage: { Type: String, Default: dev, AllowedValue: [dev] }
                Globalz: {}
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Condition: Never
                    Properties:
                      Handler: x.Y
                      Policies:
                        - DynamoDBCrudPolicy: { TableName: t }
                        - DynamoDBCrudePolicy: { TableName: t }
                        - Statement: [{ Effect: Allow, Action: "s3:*", Resources: "*" }]
                      Events:
                        Work:
                          Type: SQS
                          Properties: { Queue: arn, BatchSize: 1, FilterCriteria: { Filters: [] } }
                        Tick:
                          Type: ScheduleV2
                          Properties: { ScheduleExpression: rate(1 day), RetryPolicy: { MaximumRetryAtempts: 1 } }
                  Box:
                    Type: AWS::EC2::Instance
                    DependsOn: Fn
                    Propertys: {}
                Outputs:
                  Url: { Value: x, Exprt: y }
                """);
        for (String expected : new String[] {
                "line 2: parameter Stage AllowedValue: unknown property 'AllowedValue'",
                "line 3: Globalz: unknown template section 'Globalz'",
                "line 12: Fn (AWS::Serverless::Function) Properties.Policies[1].DynamoDBCrudePolicy: SAM policy template 'DynamoDBCrudePolicy' is not known",
                "line 13: Fn (AWS::Serverless::Function) Properties.Policies[2].Statement[0].Resources: unknown property 'Resources'",
                "line 17: Fn (AWS::Serverless::Function) Properties.Events.Work.Properties.FilterCriteria: unknown property",
                "line 20: Fn (AWS::Serverless::Function) Properties.Events.Tick.Properties.RetryPolicy.MaximumRetryAtempts: unknown property",
                "line 22: Box (AWS::EC2::Instance): resource type AWS::EC2::Instance is not known to the local cloud",
                "line 24: Box: unknown resource attribute 'Propertys'",
                "line 26: output Url Exprt: unknown property 'Exprt'"}) {
            assertTrue(message.contains(expected), expected + "\n in \n" + message);
        }
    }

    private static final String BUCKET = """
            Resources:
              Uploads:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: uploads-local
            %s
                  NotificationConfiguration:
                    QueueConfigurations:
                      - Event: %s
                        Queue: !GetAtt Work.Arn
                        Filter: { S3Key: { Rules: [{ Name: %s, Value: incoming/ }] } }
              Work:
                Type: AWS::SQS::Queue
            """;

    @Test
    void unknownBucketPropertiesAndNotificationsTheLocalS3CannotSendAreRefused() {
        String versioning = refusal(BUCKET.formatted("      VersioningConfiguration: { Status: Enabled }\n      LoggingConfiguration: {}",
                "\"s3:ObjectCreated:*\"", "prefix"));
        assertTrue(versioning.contains("line 6: Uploads (AWS::S3::Bucket) Properties.VersioningConfiguration: unknown property"), versioning);
        assertTrue(versioning.contains("line 7: Uploads (AWS::S3::Bucket) Properties.LoggingConfiguration: unknown property"), versioning);
        String lambda = refusal(BUCKET.formatted("      OwnershipControls: { Rules: [{ ObjectOwnership: BucketOwnerEnforced }] }",
                "\"s3:ObjectCreated:*\"", "prefix").replace("QueueConfigurations:", "LambdaConfigurations:"));
        assertTrue(lambda.contains("Properties.NotificationConfiguration.LambdaConfigurations: unknown property"), lambda);
        String removed = refusal(BUCKET.formatted("", "\"s3:ObjectRemoved:*\"", "prefix"));
        assertTrue(removed.contains("Uploads.NotificationConfiguration.QueueConfigurations[0].Event s3:ObjectRemoved:* is not emulated"), removed);
        String filter = refusal(BUCKET.formatted("", "\"s3:ObjectCreated:Put\"", "prefx"));
        assertTrue(filter.contains("Name must be prefix or suffix, not prefx"), filter);
        BucketDef ok = read(BUCKET.formatted("", "\"s3:ObjectCreated:Post\"", "Prefix")).bucket("Uploads");
        assertEquals("incoming/", ok.notifications().get(0).prefix());
        assertTrue(ok.notifications().get(0).matches("ObjectCreated:Post", "incoming/a.jpg"));
        assertTrue(!ok.notifications().get(0).matches("ObjectCreated:Put", "incoming/a.jpg"), "only the configured kind");
    }

    @Test
    void theProjectTemplateIsAcceptedWhole() {
        Map<String, String> secrets = Map.of("linli/token-keys", "{\"kid\":\"k1\",\"privateKey\":\"PRIV\",\"publicKey\":\"PUB\",\"publicKeys\":\"PUBS\"}");
        TemplateModel m = new TemplateReader(StackContext.defaults(), Map.of(), n -> Optional.ofNullable(secrets.get(n)))
                .read(TemplateLocator.find());
        assertEquals(300, m.httpApis().get("LinliApi").authorizers().get("LinliTokenAuthorizer").reauthorizeEverySeconds());
    }
}
