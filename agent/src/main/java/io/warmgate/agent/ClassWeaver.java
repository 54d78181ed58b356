package io.warmgate.agent;

import java.util.List;

/**
 * Changes one class that passed some module's screen, or reports its health handlers, or both. The interface the
 * start-up code holds; the implementation ({@code ByteBuddyWeaver}) is created, and Byte Buddy loaded, only when
 * the first such class appears.
 */
interface ClassWeaver {

    /**
     * @param internalName the class's internal name, e.g. {@code com/acme/HealthServlet}
     * @param candidates   the screens it passed (their loader part included)
     * @return the new class file, or null to leave the class as it is
     */
    byte[] weave(ClassLoader loader, String internalName, byte[] classFile, List<ScreenIndex.Entry> candidates);

    /**
     * Runs once through everything a weave uses, on a class of the agent's own, and throws the result away: called
     * on a background thread so that an application class does not wait for the engine's first use. Never throws.
     */
    void warmUp();
}
