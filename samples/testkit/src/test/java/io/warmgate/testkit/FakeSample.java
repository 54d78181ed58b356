package io.warmgate.testkit;

/**
 * Stands in for a sample service in {@link SampleProcessTest}: started as a real JVM from a tiny jar, it
 * behaves as the system property {@code fake.mode} says.
 */
public final class FakeSample {

    private FakeSample() {
    }

    public static void main(String[] args) throws InterruptedException {
        switch (System.getProperty("fake.mode", "ready")) {
            case "crash" -> {
                System.err.println("fake: cannot bind, giving up");
                System.exit(3);
            }
            case "silent" -> Thread.sleep(60_000);
            default -> {
                System.err.println("[warmgate] fake agent line");
                System.out.println("SAMPLE READY port=4321");
                System.out.flush();
                Thread.sleep(300); // the test waits for the next line; it must come after READY
                System.err.println("fake: property " + System.getProperty("fake.extra"));
                Thread.sleep(60_000); // a real sample serves until it is stopped
            }
        }
    }
}
