package io.newsmon.ingest.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Keeps fetches away from the machine itself and its private networks (a feed could otherwise point
 * newsmon at an internal service). Refused: loopback, unspecified (any-local), private and site-local,
 * link-local, IPv6 unique-local, 0.0.0.0/8, shared 100.64.0.0/10 (carrier-grade NAT), 192.0.0.0/24,
 * benchmarking 198.18.0.0/15, multicast (224.0.0.0/4, ff00::/8), reserved 240.0.0.0/4 and broadcast,
 * and IPv6 addresses that embed a refused IPv4 address: IPv4-mapped ({@code ::ffff:127.0.0.1}),
 * IPv4-compatible ({@code ::127.0.0.1}), NAT64 ({@code 64:ff9b::/96}) and 6to4 ({@code 2002::/16}).
 *
 * <p>Known gap: the check resolves the host, then {@code HttpClient} resolves it again to connect, so a
 * DNS server that answers differently the second time (DNS rebinding) gets past it.
 */
final class AddressGuard {
    private static final List<Block> IPV4 = List.of(
            block("0.0.0.0/32", "an any-local address"),
            block("0.0.0.0/8", "a 'this network' address (0.0.0.0/8)"),
            block("127.0.0.0/8", "a loopback address"),
            block("10.0.0.0/8", "a private address"),
            block("172.16.0.0/12", "a private address"),
            block("192.168.0.0/16", "a private address"),
            block("169.254.0.0/16", "a link-local address"),
            block("100.64.0.0/10", "a shared address (100.64.0.0/10, carrier-grade NAT)"),
            block("192.0.0.0/24", "an IETF protocol address (192.0.0.0/24)"),
            block("198.18.0.0/15", "a benchmarking address (198.18.0.0/15)"),
            block("224.0.0.0/4", "a multicast address"),
            block("255.255.255.255/32", "a broadcast address"),
            block("240.0.0.0/4", "a reserved address (240.0.0.0/4)"));
    private static final List<Block> IPV6 = List.of(
            block("::/128", "an any-local address"),
            block("::1/128", "a loopback address"),
            block("fe80::/10", "a link-local address"),
            block("fec0::/10", "a private (site-local) address"),
            block("fc00::/7", "a unique-local address"),
            block("ff00::/8", "a multicast address"));
    /** IPv6 prefixes that carry an IPv4 address, and where; "::ffff:0:0" cannot be parsed as IPv6 in Java. */
    private static final List<Embedding> EMBEDDINGS = List.of(
            new Embedding("IPv4-mapped", new Block(bytes(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0, 0, 0), 96, null), 12),
            new Embedding("IPv4-compatible", block("::/96", null), 12),
            new Embedding("NAT64", block("64:ff9b::/96", null), 12),
            new Embedding("6to4", block("2002::/16", null), 2));

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
                return Optional.of("host " + host + " resolves to " + address.getHostAddress() + ", " + kind.get()
                        + "; use --allow-private-addresses for local use");
            }
        }
        return Optional.empty();
    }

    /**
     * What kind of non-public address {@code address} is, with its article, for example
     * "a loopback address"; empty when public.
     */
    static Optional<String> privateKind(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 4 ? kindIn(IPV4, bytes) : kindIn(IPV6, bytes).or(() -> embeddedKind(bytes));
    }

    private static Optional<String> embeddedKind(byte[] ipv6) {
        for (Embedding embedding : EMBEDDINGS) {
            if (embedding.prefix().contains(ipv6)) {
                byte[] ipv4 = Arrays.copyOfRange(ipv6, embedding.offset(), embedding.offset() + 4);
                String dotted = (ipv4[0] & 0xff) + "." + (ipv4[1] & 0xff) + "." + (ipv4[2] & 0xff) + "." + (ipv4[3] & 0xff);
                return kindIn(IPV4, ipv4).map(kind -> kind + " (" + embedding.name() + " " + dotted + ")");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> kindIn(List<Block> blocks, byte[] address) {
        return blocks.stream().filter(b -> b.contains(address)).map(Block::kind).findFirst();
    }

    /** An address block: the addresses whose first {@code bits} bits are those of {@code prefix}. */
    private record Block(byte[] prefix, int bits, String kind) {
        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >>> (i % 8);
                if ((address[i / 8] & mask) != (prefix[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private record Embedding(String name, Block prefix, int offset) {
    }

    private static Block block(String cidr, String kind) {
        String[] parts = cidr.split("/");
        try {
            return new Block(InetAddress.getByName(parts[0]).getAddress(), Integer.parseInt(parts[1]), kind);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("not an address literal: " + cidr, e);
        }
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
