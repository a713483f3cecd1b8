package io.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code .mvn/find-java}, which {@code ./mvnw}, {@code ./newsmon} and {@code .ci/run} use to find a Java 21+,
 * run on fake installations (scripts that answer {@code -XshowSettings:properties} as a JDK would).
 */
class FindJavaScriptTest {

    private static final Path SCRIPT = Path.of("..", ".mvn", "find-java").toAbsolutePath().normalize();

    @TempDir
    Path temp;
    private Path jvms;
    private Path tools;

    @BeforeEach
    void tools() throws IOException {
        jvms = Files.createDirectories(temp.resolve("jvm"));
        tools = Files.createDirectories(temp.resolve("bin")); // a PATH without the machine's own java
        for (String tool : List.of("awk", "ls", "sort")) {
            executable(tools.resolve(tool), "#!/bin/sh\nexec " + which(tool) + " \"$@\"\n");
        }
    }

    @Test
    void keepsAJavaHomeThatIs21OrNewer() throws Exception {
        Path jdk21 = fakeJava("jdk-21", 21, true);
        fakeJava("jdk-25", 25, true);

        Result result = findJava(jdk21, "--jdk");

        assertThat(result.exit).isZero();
        assertThat(result.out.strip()).isEqualTo(jdk21.toString());
    }

    @Test
    void replacesAnOlderJavaHomeWithTheNewestJdkInAStandardPlace() throws Exception {
        Path jdk17 = fakeJava("jdk-17", 17, true);
        Path jdk21 = fakeJava("jdk-21", 21, true);
        Path jre25 = fakeJava("jre-25", 25, false);

        assertThat(findJava(jdk17, "--jdk").out.strip()).as("a JDK is needed to build").isEqualTo(jdk21.toString());
        assertThat(findJava(jdk17).out.strip()).as("a JRE is enough to run the jar").isEqualTo(jre25.toString());
    }

    @Test
    void saysWhatToInstallWhenThereIsNoJava21() throws Exception {
        Path jdk17 = fakeJava("jdk-17", 17, true);
        fakeJava("jre-21", 21, false);

        Result result = findJava(jdk17, "--jdk");

        assertThat(result.exit).isEqualTo(1);
        assertThat(result.out).isEmpty();
        assertThat(result.err)
                .contains("a JDK 21 or newer (with javac)")
                .contains("JAVA_HOME (" + jdk17 + ")")
                .contains("not under " + jvms)
                .contains("apt-get install openjdk-21-jdk-headless")
                .contains("set JAVA_HOME");
    }

    private Path fakeJava(String name, int major, boolean withJavac) throws IOException {
        Path home = Files.createDirectories(jvms.resolve(name));
        Path bin = Files.createDirectories(home.resolve("bin"));
        String answer = "#!/bin/sh\n"
                + "echo 'Property settings:' >&2\n"
                + "echo '    java.home = " + home + "' >&2\n"
                + "echo '    java.specification.version = " + major + "' >&2\n";
        executable(bin.resolve("java"), answer);
        if (withJavac) {
            executable(bin.resolve("javac"), "#!/bin/sh\nexit 0\n");
        }
        return home;
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Result findJava(Path javaHome, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(which("sh"), SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", tools.toString());
        env.put("HOME", temp.toString());
        env.put("JAVA_HOME", javaHome.toString());
        env.put("FIND_JAVA_IN", jvms.toString());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("find-java ends").isTrue();
        return new Result(process.exitValue(), out, err);
    }

    private static String which(String tool) throws IOException {
        for (String dir : List.of("/usr/bin", "/bin", "/usr/local/bin")) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate.toRealPath().toString();
            }
        }
        throw new IllegalStateException(tool + " is not in /usr/bin, /bin or /usr/local/bin");
    }

    private record Result(int exit, String out, String err) {}
}
