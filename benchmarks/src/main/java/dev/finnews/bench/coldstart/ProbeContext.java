package dev.finnews.bench.coldstart;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/** The little of Lambda's {@link Context} a probe run needs. */
final class ProbeContext implements Context {
    @Override
    public String getAwsRequestId() {
        return "cold-start-probe";
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/probe";
    }

    @Override
    public String getLogStreamName() {
        return "probe";
    }

    @Override
    public String getFunctionName() {
        return "probe";
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:000000000000:function:probe";
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return 30_000;
    }

    @Override
    public int getMemoryLimitInMB() {
        return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                System.err.print(message);
            }

            @Override
            public void log(byte[] message) {
                System.err.write(message, 0, message.length);
            }
        };
    }
}
