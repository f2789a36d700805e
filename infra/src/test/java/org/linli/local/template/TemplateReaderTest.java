package org.linli.local.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TemplateReaderTest {
    private static final String HEADER = """
            AWSTemplateFormatVersion: "2010-09-09"
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              Stage: { Type: String, Default: dev, AllowedValues: [dev, prod] }
              Names: { Type: CommaDelimitedList, Default: "a, b,c" }
              Secret: { Type: String, Default: app/keys }
            Mappings:
              Sizes:
                dev: { Memory: 256 }
                prod: { Memory: 2048 }
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
              NotProd: !Not [!Condition IsProd]
              Both: !And [!Condition NotProd, !Equals ["1", 1]]
              Either: { "Fn::Or": [{ Condition: IsProd }, { "Fn::Equals": [a, b] }] }
            """;

    /** A function whose environment shows how each expression resolved. */
    private static String functionWith(String variables) {
        return HEADER + """
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: example.Handler::handleRequest
                      AutoPublishAlias: live
                      Environment:
                        Variables:
                """ + variables.indent(10) + """
                  Table:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      BillingMode: PAY_PER_REQUEST
                      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
                      KeySchema: [{ AttributeName: id, KeyType: HASH }]
                  Queue:
                    Type: AWS::SQS::Queue
                  Topic:
                    Type: AWS::SNS::Topic
                  ProdOnly:
                    Type: AWS::SQS::Queue
                    Condition: IsProd
                """;
    }

    private static Map<String, String> env(String variables) {
        return read(functionWith(variables), Map.of(), Map.of()).function("Fn").environment();
    }

    private static TemplateModel read(String yaml, Map<String, String> params, Map<String, String> secrets) {
        return new TemplateReader(StackContext.defaults(), params, name -> Optional.ofNullable(secrets.get(name))).parse(yaml);
    }

    @Test
    void refAndGetAttResolveToLocalNamesUrlsAndArns() {
        Map<String, String> env = env("""
                TABLE: !Ref Table
                TABLE_ARN: !GetAtt Table.Arn
                QUEUE_URL: !Ref Queue
                QUEUE_ARN: { "Fn::GetAtt": [Queue, Arn] }
                QUEUE_NAME: { "Fn::GetAtt": "Queue.QueueName" }
                QUEUE_URL2: !GetAtt Queue.QueueUrl
                FUNCTION: !Ref Fn
                ALIAS: !Ref Fn.Alias
                FUNCTION_ARN: !GetAtt Fn.Arn
                TOPIC: !Ref Topic
                STAGE: !Ref Stage
                """);
        assertEquals("linli-local-Table", env.get("TABLE"));
        assertEquals("arn:aws-cn:dynamodb:cn-north-1:000000000000:table/linli-local-Table", env.get("TABLE_ARN"));
        assertEquals("http://127.0.0.1:9324/000000000000/linli-local-Queue", env.get("QUEUE_URL"));
        assertEquals(env.get("QUEUE_URL"), env.get("QUEUE_URL2"));
        assertEquals("arn:aws-cn:sqs:cn-north-1:000000000000:linli-local-Queue", env.get("QUEUE_ARN"));
        assertEquals("linli-local-Queue", env.get("QUEUE_NAME"));
        assertEquals("linli-local-Fn", env.get("FUNCTION"));
        assertEquals("arn:aws-cn:lambda:cn-north-1:000000000000:function:linli-local-Fn:live", env.get("ALIAS"));
        assertEquals("arn:aws-cn:lambda:cn-north-1:000000000000:function:linli-local-Fn", env.get("FUNCTION_ARN"));
        assertEquals("arn:aws-cn:sns:cn-north-1:000000000000:linli-local-Topic", env.get("TOPIC"));
        assertEquals("dev", env.get("STAGE"));
    }

    @Test
    void subJoinSelectSplitFindInMapBase64() {
        Map<String, String> env = env("""
                SUB: !Sub "${AWS::StackName}-${Stage}-${Table}-${Queue.QueueName}-${!Literal}"
                SUB_VARS: !Sub ["${A}/${B}", { A: !Ref Stage, B: fixed }]
                JOIN: !Join [":", [a, !Ref Stage, "3"]]
                JOIN_LIST: !Join ["+", !Ref Names]
                SELECT: !Select [1, !Ref Names]
                SPLIT: !Select [2, !Split ["/", "x/y/z"]]
                MAP: !FindInMap [Sizes, !Ref Stage, Memory]
                B64: !Base64 "hello"
                LONG_SUB: { "Fn::Sub": "${AWS::Region}.${AWS::URLSuffix} ${AWS::Partition} ${AWS::AccountId}" }
                """);
        assertEquals("linli-local-dev-linli-local-Table-linli-local-Queue-${Literal}", env.get("SUB"));
        assertEquals("dev/fixed", env.get("SUB_VARS"));
        assertEquals("a:dev:3", env.get("JOIN"));
        assertEquals("a+b+c", env.get("JOIN_LIST"), "CommaDelimitedList items are trimmed");
        assertEquals("b", env.get("SELECT"));
        assertEquals("z", env.get("SPLIT"));
        assertEquals("256", env.get("MAP"));
        assertEquals(Base64.getEncoder().encodeToString("hello".getBytes(StandardCharsets.UTF_8)), env.get("B64"));
        assertEquals("cn-north-1.amazonaws.com.cn aws-cn 000000000000", env.get("LONG_SUB"));
    }

    @Test
    void conditionsIfAndNoValue() {
        TemplateModel m = read(functionWith("""
                IF: !If [IsProd, big, small]
                IF_LONG: { "Fn::If": [NotProd, taken, untaken] }
                GONE: !If [IsProd, there, !Ref AWS::NoValue]
                BOTH: !If [Both, "true", "false"]
                EITHER: !If [Either, "true", "false"]
                SAFE: !If [IsProd, !Ref ProdOnly, none]
                """), Map.of(), Map.of());
        Map<String, String> env = m.function("Fn").environment();
        assertEquals("small", env.get("IF"));
        assertEquals("taken", env.get("IF_LONG"));
        assertFalse(env.containsKey("GONE"), "AWS::NoValue removes the key");
        assertEquals("true", env.get("BOTH"), "Fn::Equals compares 1 and \"1\" as equal");
        assertEquals("false", env.get("EITHER"));
        assertEquals("none", env.get("SAFE"), "the untaken branch may name an excluded resource");
        assertEquals(Map.of("IsProd", false, "NotProd", true, "Both", true, "Either", false), m.conditions());
        assertTrue(m.skipped().contains("ProdOnly"));
        assertFalse(m.queues().containsKey("ProdOnly"));
    }

    @Test
    void parameterOverridesFlipConditions() {
        TemplateModel m = read(functionWith("IF: !If [IsProd, big, small]\nMEM: !FindInMap [Sizes, !Ref Stage, Memory]"),
                Map.of("Stage", "prod"), Map.of());
        assertEquals("big", m.function("Fn").environment().get("IF"));
        assertEquals("2048", m.function("Fn").environment().get("MEM"));
        assertTrue(m.queues().containsKey("ProdOnly"));
        assertEquals("prod", m.parameters().get("Stage"));
    }

    @Test
    void parameterErrorsAreClear() {
        String yaml = functionWith("A: b");
        var notAllowed = assertThrows(TemplateException.class, () -> read(yaml, Map.of("Stage", "qa"), Map.of()));
        assertTrue(notAllowed.getMessage().contains("AllowedValues"), notAllowed.getMessage());
        var unknown = assertThrows(TemplateException.class, () -> read(yaml, Map.of("Nope", "x"), Map.of()));
        assertTrue(unknown.getMessage().contains("Nope"), unknown.getMessage());
        var noDefault = assertThrows(TemplateException.class, () -> read("""
                Parameters:
                  Needed: { Type: String }
                Resources: {}
                """, Map.of(), Map.of()));
        assertTrue(noDefault.getMessage().contains("Needed"), noDefault.getMessage());
    }

    @Test
    void referenceErrorsNameTheProblem() {
        var excluded = assertThrows(TemplateException.class, () -> env("Q: !Ref ProdOnly"));
        assertTrue(excluded.getMessage().contains("ProdOnly") && excluded.getMessage().contains("false"), excluded.getMessage());
        var unknown = assertThrows(TemplateException.class, () -> env("Q: !Ref Missing"));
        assertTrue(unknown.getMessage().contains("Missing"), unknown.getMessage());
        var attribute = assertThrows(TemplateException.class, () -> env("Q: !GetAtt Queue.Nope"));
        assertTrue(attribute.getMessage().contains("Nope"), attribute.getMessage());
        var unsupported = assertThrows(TemplateException.class, () -> env("Q: !ImportValue other-stack-output"));
        assertTrue(unsupported.getMessage().contains("Fn::ImportValue"), unsupported.getMessage());
    }

    @Test
    void dynamicReferencesResolveFromTheSecretStore() {
        Map<String, String> secrets = Map.of("app/keys", "{\"publicKey\":\"PUB\",\"n\":3}", "plain", "just text");
        TemplateModel m = read(functionWith("""
                KEY: !Sub "{{resolve:secretsmanager:${Secret}:SecretString:publicKey}}"
                NUMBER: "{{resolve:secretsmanager:app/keys:SecretString:n}}"
                WHOLE: "{{resolve:secretsmanager:plain}}"
                ARN: "{{resolve:secretsmanager:arn:aws-cn:secretsmanager:cn-north-1:000000000000:secret:plain:SecretString::AWSCURRENT}}"
                MIXED: "x-{{resolve:secretsmanager:plain}}-y"
                """), Map.of(), secrets);
        Map<String, String> env = m.function("Fn").environment();
        assertEquals("PUB", env.get("KEY"));
        assertEquals("3", env.get("NUMBER"));
        assertEquals("just text", env.get("WHOLE"));
        assertEquals("just text", env.get("ARN"));
        assertEquals("x-just text-y", env.get("MIXED"));

        var missing = assertThrows(TemplateException.class, () -> read(functionWith("K: \"{{resolve:secretsmanager:absent}}\""), Map.of(), secrets));
        assertTrue(missing.getMessage().contains("absent") && missing.getMessage().contains("putSecret"), missing.getMessage());
        var key = assertThrows(TemplateException.class, () -> read(functionWith("K: \"{{resolve:secretsmanager:app/keys:SecretString:nope}}\""), Map.of(), secrets));
        assertTrue(key.getMessage().contains("nope"), key.getMessage());
        var ssm = assertThrows(TemplateException.class, () -> read(functionWith("K: \"{{resolve:ssm:/a/b}}\""), Map.of(), secrets));
        assertTrue(ssm.getMessage().contains("not supported locally"), ssm.getMessage());
    }

    @Test
    void globalsMergeIntoFunctionsWithTheFunctionWinning() {
        TemplateModel m = read("""
                Globals:
                  Function:
                    Runtime: java21
                    MemorySize: 1024
                    Timeout: 15
                    Environment:
                      Variables: { A: global-a, B: global-b }
                Resources:
                  One:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: x.One
                      MemorySize: 512
                      Environment:
                        Variables: { B: own-b, C: own-c }
                  Two:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: x.Two::run
                """, Map.of(), Map.of());
        FunctionDef one = m.function("One");
        assertEquals(Map.of("A", "global-a", "B", "own-b", "C", "own-c"), one.environment());
        assertEquals(512, one.memoryMb());
        assertEquals(15, one.timeoutSeconds());
        assertEquals("java21", one.runtime());
        assertNull(one.handlerMethod());
        FunctionDef two = m.function("Two");
        assertEquals(Map.of("A", "global-a", "B", "global-b"), two.environment());
        assertEquals("x.Two", two.handlerClass());
        assertEquals("run", two.handlerMethod());
        assertEquals(1024, two.memoryMb());
    }

    @Test
    void pseudoParametersFollowTheRegion() {
        String yaml = functionWith("P: !Sub \"${AWS::Partition} ${AWS::URLSuffix} ${AWS::Region} ${AWS::StackName}\"");
        var china = new TemplateReader(StackContext.defaults(), Map.of(), n -> Optional.empty()).parse(yaml);
        assertEquals("aws-cn amazonaws.com.cn cn-north-1 linli-local", china.function("Fn").environment().get("P"));
        var virginia = new TemplateReader(new StackContext("us-east-1", "000000000000", "other", "http://q"), Map.of(), n -> Optional.empty()).parse(yaml);
        assertEquals("aws amazonaws.com us-east-1 other", virginia.function("Fn").environment().get("P"));
        assertEquals("http://q/000000000000/other-Queue", virginia.queue("Queue").url());
    }

    @Test
    void otherResourcesAreListedNotEmulated() {
        TemplateModel m = read(functionWith("A: b"), Map.of(), Map.of());
        assertTrue(m.notEmulated().contains("Topic (AWS::SNS::Topic)"), m.notEmulated().toString());
    }

    @Test
    void invalidYamlAndDuplicateKeysAreRejected() {
        assertThrows(TemplateException.class, () -> read("Resources: [unclosed", Map.of(), Map.of()));
        assertThrows(TemplateException.class, () -> read("Resources: {}\nResources: {}\n", Map.of(), Map.of()));
    }

    @Test
    void implicitHttpApiForEventsWithoutApiId() {
        TemplateModel m = read("""
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: x.Y
                      Events:
                        Get: { Type: HttpApi, Properties: { Path: /things, Method: get } }
                        Catch: { Type: HttpApi }
                """, Map.of(), Map.of());
        assertTrue(m.httpApis().containsKey("ServerlessHttpApi"));
        List<FunctionEvent.HttpApi> routes = m.routes();
        assertEquals(List.of("GET /things", "$default"), routes.stream().map(FunctionEvent.HttpApi::routeKey).toList());
    }

    @Test
    void anEventTypeTheLocalCloudDoesNotDriveIsRefused() {
        var e = assertThrows(TemplateException.class, () -> read("""
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: x.Y
                      Events:
                        Stream: { Type: DynamoDB, Properties: { Stream: arn, StartingPosition: LATEST } }
                """, Map.of(), Map.of()));
        assertTrue(e.getMessage().contains("line 7: Fn (AWS::Serverless::Function) Properties.Events.Stream.Type: event Type 'DynamoDB'"
                + " is not emulated by the local cloud"), e.getMessage());
    }
}
