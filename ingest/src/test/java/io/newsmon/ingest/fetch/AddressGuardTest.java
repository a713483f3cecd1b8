package io.newsmon.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "127.0.0.1, loopback",
        "::1, loopback",
        "0.0.0.0, any-local",
        "10.20.30.40, private",
        "172.16.5.4, private",
        "192.168.1.1, private",
        "169.254.169.254, link-local",
        "fe80::1, link-local",
        "fd12:3456:789a::1, unique-local",
        "fc00::7, unique-local",
        "::ffff:10.0.0.1, private"
    })
    void recognisesNonPublicAddresses(String literal, String kind) throws UnknownHostException {
        assertThat(AddressGuard.privateKind(InetAddress.getByName(literal))).contains(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "2001:db8::1", "2606:4700::1111"})
    void letsPublicAddressesThrough(String literal) throws UnknownHostException {
        assertThat(AddressGuard.privateKind(InetAddress.getByName(literal))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "127.0.0.1", "[::1]"})
    void refusesHostsThatResolveToLoopback(String host) throws UnknownHostException {
        assertThat(AddressGuard.refusal(host)).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("host " + host + " resolves to ")
                .contains("loopback address; use --allow-private-addresses for local use"));
    }
}
