import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FileEntry;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;

/**
 * The OCI image of a release, built with Jib to a tar file (no container daemon, no registry): a base of Debian's C
 * library and a static BusyBox (for the launcher's {@code /bin/sh}), taken as packages from the machine's Debian
 * sources, then the release tree as it is unpacked from the archive, under {@code /opt/spacettx}. Runs as an
 * unprivileged user whose home, {@code /var/lib/spacettx}, is the image's volume.
 *
 * <p>Arguments: the release tree, a work directory, the image tar to write, the image's name, the version, the commit.
 */
public final class OciImage {

    /** The packages of the base: the C library the Java runtime links, GCC's unwinder it loads, a shell. */
    static final List<String> PACKAGES = List.of("libc6", "libgcc-s1", "gcc-12-base", "busybox-static");
    /** What the Java runtime never reads: character-set converters, manuals, packaging metadata. */
    static final List<String> LEFT_OUT = List.of("usr/lib/x86_64-linux-gnu/gconv", "usr/share/man", "usr/share/lintian",
            "usr/share/initramfs-tools", "usr/share/bug", "etc/ld.so.conf.d");
    static final String USER = "10001";
    static final AbsoluteUnixPath HOME = AbsoluteUnixPath.get("/var/lib/spacettx");
    static final AbsoluteUnixPath APP = AbsoluteUnixPath.get("/opt/spacettx");
    static final Instant EPOCH = Instant.ofEpochSecond(1);

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: OciImage RELEASE_TREE WORK_DIR IMAGE.tar NAME VERSION COMMIT");
            System.exit(2);
        }
        Path tree = Path.of(args[0]);
        Path work = Path.of(args[1]);
        Path out = Path.of(args[2]);
        String name = args[3];
        String version = args[4];
        String commit = args[5];
        for (String tool : List.of("apt-get", "dpkg-deb")) {
            if (!onPath(tool)) {
                System.out.println("image: not built: its base comes from Debian's packages, and " + tool + " is not on this machine");
                return;
            }
        }
        Path rootfs = base(work);

        FileEntriesLayer.Builder base = FileEntriesLayer.builder().setName("base");
        addTree(base, rootfs, AbsoluteUnixPath.get("/"));
        Path etc = Files.createDirectories(work.resolve("etc"));
        base.addEntry(write(etc.resolve("passwd"), "root:x:0:0:root:/root:/bin/sh\n"
                + "spacettx:x:" + USER + ":" + USER + ":SpaceTTX:" + HOME + ":/sbin/nologin\n"), AbsoluteUnixPath.get("/etc/passwd"),
                FilePermissions.fromOctalString("644"), EPOCH);
        base.addEntry(write(etc.resolve("group"), "root:x:0:\nspacettx:x:" + USER + ":\n"), AbsoluteUnixPath.get("/etc/group"),
                FilePermissions.fromOctalString("644"), EPOCH);
        Path busybox = rootfs.resolve("bin/busybox");
        for (String applet : List.of("/bin/sh", "/usr/bin/dirname", "/usr/bin/env")) {
            base.addEntry(busybox, AbsoluteUnixPath.get(applet), FilePermissions.fromOctalString("755"), EPOCH);
        }
        Path empty = Files.createDirectories(work.resolve("empty"));
        base.addEntry(new FileEntry(empty, AbsoluteUnixPath.get("/tmp"), FilePermissions.fromOctalString("777"), EPOCH, "0:0"));
        base.addEntry(new FileEntry(empty, HOME, FilePermissions.fromOctalString("750"), EPOCH, USER + ":" + USER));

        FileEntriesLayer.Builder runtime = FileEntriesLayer.builder().setName("java runtime");
        addTree(runtime, tree.resolve("runtime"), APP.resolve("runtime"));
        FileEntriesLayer.Builder application = FileEntriesLayer.builder().setName("spacettx");
        try (Stream<Path> top = Files.list(tree)) {
            for (Path p : top.sorted().toList()) {
                String n = p.getFileName().toString();
                if (!n.equals("runtime") && !n.equals("addons")) {
                    addTree(application, p, APP.resolve(n));
                }
            }
        }

        Files.createDirectories(out.getParent());
        Jib.fromScratch()
                .setFormat(ImageFormat.OCI)
                .setFileEntriesLayers(base.build(), runtime.build(), application.build())
                .setEnvironment(Map.of("PATH", APP + "/bin:/usr/bin:/bin", "HOME", HOME.toString(), "LANG", "C.UTF-8"))
                .setEntrypoint(APP + "/bin/spacettx")
                .setProgramArguments("serve", "--host", "0.0.0.0")
                .setUser(USER + ":" + USER)
                .setWorkingDirectory(HOME)
                .addVolume(HOME)
                .addExposedPort(Port.tcp(7070))
                .setLabels(Map.of(
                        "org.opencontainers.image.title", "SpaceTTX",
                        "org.opencontainers.image.description", "Tabletop exercises on space: the exercise server and the orbital engine",
                        "org.opencontainers.image.version", version,
                        "org.opencontainers.image.revision", commit,
                        "org.opencontainers.image.licenses", "see /opt/spacettx/licences and /usr/share/doc/*/copyright",
                        "org.spacettx.base-packages", String.join(", ", versions(work))))
                .setCreationTime(EPOCH)
                .containerize(Containerizer.to(TarImage.at(out).named(name))
                        .setBaseImageLayersCache(work.resolve("cache/base"))
                        .setApplicationLayersCache(work.resolve("cache/application"))
                        .setOfflineMode(true)
                        .setToolName("spacettx-release"));
        System.out.println("image: " + out + " (" + Files.size(out) + " bytes), " + name + ", base " + String.join(", ", versions(work)));
    }

    /** The base's packages, fetched by apt from the machine's Debian sources and unpacked (without their scripts). */
    static Path base(Path work) throws IOException, InterruptedException {
        Path debs = Files.createDirectories(work.resolve("debs"));
        Path rootfs = work.resolve("rootfs");
        if (Files.exists(rootfs)) {
            return rootfs;
        }
        List<String> download = new ArrayList<>(List.of("apt-get", "download", "-q"));
        download.addAll(PACKAGES);
        run(debs, download);
        Path staging = work.resolve("rootfs.partial");
        try (Stream<Path> files = Files.list(debs)) {
            for (Path deb : files.filter(f -> f.toString().endsWith(".deb")).sorted().toList()) {
                run(debs, List.of("dpkg-deb", "-x", deb.toString(), staging.toString()));
            }
        }
        for (String gone : LEFT_OUT) {
            run(work, List.of("rm", "-rf", staging.resolve(gone).toString()));
        }
        Files.move(staging, rootfs);
        return rootfs;
    }

    /** "package version" of each base package, from the file names apt gave them. */
    static List<String> versions(Path work) throws IOException {
        try (Stream<Path> files = Files.list(work.resolve("debs"))) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".deb")).sorted()
                    .map(f -> f.replace("%3a", ":").replaceAll("_amd64\\.deb$", "").replace('_', ' ')).toList();
        }
    }

    /**
     * Adds a directory tree (or one file) with its permissions; a symbolic link is added as a copy of what it names
     * inside the same tree (an absolute link is read from the tree, never from the building machine).
     */
    static void addTree(FileEntriesLayer.Builder layer, Path source, AbsoluteUnixPath target) throws IOException {
        Path root = source;
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : walk.sorted().toList()) {
                AbsoluteUnixPath to = target;
                for (Path part : root.relativize(p)) {
                    if (!part.toString().isEmpty()) {
                        to = to.resolve(part.toString());
                    }
                }
                if (to.toString().equals("/")) {
                    continue; // the image's root is there already
                }
                Path real = p;
                if (Files.isSymbolicLink(p)) {
                    real = resolveInside(source, p);
                    if (real == null || Files.isDirectory(real)) {
                        continue;
                    }
                }
                layer.addEntry(real, to, FilePermissions.fromPosixFilePermissions(Files.getPosixFilePermissions(real)), EPOCH);
            }
        }
    }

    static Path resolveInside(Path root, Path link) throws IOException {
        Path p = link;
        for (int hops = 0; hops < 16 && Files.isSymbolicLink(p); hops++) {
            Path to = Files.readSymbolicLink(p);
            p = to.isAbsolute() ? root.resolve(to.toString().substring(1)) : p.getParent().resolve(to);
        }
        return Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(p) ? p.normalize() : null;
    }

    static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    static Path write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    static void run(Path dir, List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed:\n" + said);
        }
    }
}
