package io.warmgate.samples.legacy;

/** The class the application's own (old) Byte Buddy subclasses at run time. Public and open for that reason. */
public class Greeting {

    public String greet() {
        return "hello";
    }

    public String describe() {
        return "greeting";
    }
}
