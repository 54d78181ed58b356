package io.warmgate.agent.robustness;

import java.io.IOException;
import javax.servlet.GenericServlet;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;

/**
 * A servlet that hands the request to another woven servlet on the same thread, as a forward or a superclass
 * call does: the request must be timed once. The tests weave a copy; this class stays untouched.
 */
public class ForwardingServlet extends GenericServlet {

    /** The servlet forwarded to; set by the test on the woven copy. */
    public static volatile javax.servlet.Servlet target;

    @Override
    public void service(ServletRequest request, ServletResponse response) throws ServletException, IOException {
        target.service(request, response);
    }
}
