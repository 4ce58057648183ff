package dev.finnews.bench.coldstart;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** The floor of every cold start: a Java handler that does nothing. */
public final class HelloHandler implements RequestHandler<Object, String> {
    @Override
    public String handleRequest(Object input, Context context) {
        return "hello";
    }
}
