package io.warmgate.agent.robustness;

import java.io.IOException;
import javax.servlet.GenericServlet;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;

/** A servlet whose handler fails; the tests weave a copy, this class stays untouched. */
public class ThrowingServlet extends GenericServlet {

    @Override
    public void service(ServletRequest request, ServletResponse response) throws ServletException, IOException {
        throw new ServletException("the handler failed");
    }
}
