package io.warmgate.core.fleet;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Turns {@code fleet.dns}'s name into the addresses of every instance behind it. */
public interface AddressResolver {

    /** The system's name service, as {@link InetAddress#getAllByName}. */
    AddressResolver SYSTEM = new AddressResolver() {
        @Override
        public String[] resolve(String name) throws UnknownHostException {
            InetAddress[] all = InetAddress.getAllByName(name);
            String[] literals = new String[all.length];
            for (int i = 0; i < all.length; i++) {
                literals[i] = all[i].getHostAddress();
            }
            return literals;
        }
    };

    /** IP literals, one per instance. */
    String[] resolve(String name) throws UnknownHostException;
}
