package io.newsmon.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            127.0.0.1            | a loopback address
            127.1.2.3            | a loopback address
            ::1                  | a loopback address
            0.0.0.0              | an any-local address
            ::                   | an any-local address
            0.1.2.3              | a 'this network' address (0.0.0.0/8)
            10.20.30.40          | a private address
            172.16.5.4           | a private address
            172.31.255.255       | a private address
            192.168.1.1          | a private address
            fec0::1              | a private (site-local) address
            169.254.169.254      | a link-local address
            fe80::1              | a link-local address
            fd12:3456:789a::1    | a unique-local address
            fc00::7              | a unique-local address
            100.64.0.1           | a shared address (100.64.0.0/10, carrier-grade NAT)
            100.127.255.254      | a shared address (100.64.0.0/10, carrier-grade NAT)
            192.0.0.8            | an IETF protocol address (192.0.0.0/24)
            198.18.0.1           | a benchmarking address (198.18.0.0/15)
            198.19.255.255       | a benchmarking address (198.18.0.0/15)
            224.0.0.251          | a multicast address
            239.255.255.250      | a multicast address
            ff02::fb             | a multicast address
            240.0.0.1            | a reserved address (240.0.0.0/4)
            255.255.255.254      | a reserved address (240.0.0.0/4)
            255.255.255.255      | a broadcast address
            ::ffff:10.0.0.1      | a private address
            ::127.0.0.1          | a loopback address (IPv4-compatible 127.0.0.1)
            64:ff9b::7f00:1      | a loopback address (NAT64 127.0.0.1)
            64:ff9b::a9fe:a9fe   | a link-local address (NAT64 169.254.169.254)
            2002:c0a8:101::1     | a private address (6to4 192.168.1.1)
            """)
    void recognisesNonPublicAddresses(String literal, String kind) throws UnknownHostException {
        assertThat(AddressGuard.privateKind(InetAddress.getByName(literal))).contains(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "1.1.1.1", "172.32.0.1", "100.63.255.255", "100.128.0.1",
        "192.0.1.1", "198.17.255.255", "198.20.0.1", "223.255.255.255", "2001:db8::1", "2606:4700::1111",
        "::ffff:8.8.8.8", "::8.8.8.8", "64:ff9b::808:808", "2002:808:808::1", "64:ff9c::7f00:1"})
    void letsPublicAddressesThrough(String literal) throws UnknownHostException {
        assertThat(AddressGuard.privateKind(InetAddress.getByName(literal))).isEmpty();
    }

    @Test
    void looksInsideAnIpv4MappedAddressKeptAsIpv6() throws UnknownHostException {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1};
        InetAddress address = Inet6Address.getByAddress(null, mapped, -1);

        assertThat(address).isInstanceOf(Inet6Address.class);
        assertThat(AddressGuard.privateKind(address)).contains("a loopback address (IPv4-mapped 127.0.0.1)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "127.0.0.1", "[::1]"})
    void refusesHostsThatResolveToLoopback(String host) throws UnknownHostException {
        assertThat(AddressGuard.refusal(host)).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("host " + host + " resolves to ")
                .contains(", a loopback address; use --allow-private-addresses for local use"));
    }
}
