package io.warmgate.it.startup;

/** An application with no health handler at all: it prints one line and exits. */
public final class PlainMain {

    private PlainMain() {
    }

    public static void main(String[] args) {
        System.out.println("plain main ran");
    }
}
