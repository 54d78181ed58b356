package io.warmgate.agent.spi;

/**
 * Outlines of the other classes a loading class names (its interfaces, its super class), read as resources of its
 * class loader: nothing is loaded.
 */
public interface TypeOutlines {

    /** @return the outline of {@code binaryName}, or null when its class file cannot be read */
    ClassOutline find(String binaryName);
}
