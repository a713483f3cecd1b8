package io.newsmon.ingest.fetch;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Keeps fetches away from the machine itself and its private networks (a feed could otherwise point
 * newsmon at an internal service): loopback, private (site-local), link-local, any-local and IPv6
 * unique-local addresses are refused.
 */
final class AddressGuard {
    private AddressGuard() {
    }

    /**
     * Why {@code host} may not be fetched, or empty when all its addresses are public.
     *
     * @throws UnknownHostException when the host does not resolve
     */
    static Optional<String> refusal(String host) throws UnknownHostException {
        for (InetAddress address : InetAddress.getAllByName(host)) {
            Optional<String> kind = privateKind(address);
            if (kind.isPresent()) {
                return Optional.of("host " + host + " resolves to " + address.getHostAddress() + ", a " + kind.get()
                        + " address; use --allow-private-addresses for local use");
            }
        }
        return Optional.empty();
    }

    /** The kind of non-public address {@code address} is, for example "loopback"; empty when public. */
    static Optional<String> privateKind(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("any-local");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("private");
        }
        if (address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc) {
            return Optional.of("unique-local");
        }
        return Optional.empty();
    }
}
