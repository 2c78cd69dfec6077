// SPDX-License-Identifier: MIT
// Run by zhol-central with the JDK's source launcher: `java UnsignedJars.java OUT_DIR JAR...`.
//
// Writes OUT_DIR/NAME, a copy without its signature, of each JAR that is signed (BouncyCastle's are). The JVM
// never puts classes from a signed jar into an ahead-of-time class cache, and verifies such a jar's signature
// (RSA, and a SHA-256 of every class read) in each process that loads a class from it. The copies hold the
// same classes and the manifest's main attributes; they are used only on the class path of `start`. Unsigned
// jars are skipped. Prints the name of each copy it writes.

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

final class UnsignedJars {

    /** The signature files of jar signing: META-INF/*.SF, *.RSA, *.DSA, *.EC and SIG-*. */
    private static final Pattern SIGNATURE = Pattern.compile("META-INF/([^/]+\\.(SF|RSA|DSA|EC)|SIG-[^/]+)",
            Pattern.CASE_INSENSITIVE);

    public static void main(String[] args) throws IOException {
        Path out = Files.createDirectories(Path.of(args[0]));
        for (int i = 1; i < args.length; i++) {
            Path jar = Path.of(args[i]);
            if (Files.isRegularFile(jar) && signed(jar)) {
                Path copy = out.resolve(jar.getFileName());
                Path partial = out.resolve(jar.getFileName() + ".part");
                try (OutputStream file = Files.newOutputStream(partial)) {
                    copyUnsigned(jar, file);
                }
                Files.move(partial, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                System.out.println(copy);
            }
        }
    }

    private static boolean signed(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            return file.stream().anyMatch(e -> SIGNATURE.matcher(e.getName()).matches());
        }
    }

    private static void copyUnsigned(Path jar, OutputStream file) throws IOException {
        try (JarFile in = new JarFile(jar.toFile(), false)) {
            Manifest manifest = new Manifest();
            if (in.getManifest() != null) {
                // Only the main section: the per-entry sections hold the signature's digests.
                manifest.getMainAttributes().putAll(in.getManifest().getMainAttributes());
            } else {
                manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            }
            try (JarOutputStream copy = new JarOutputStream(file, manifest)) {
                for (JarEntry entry : in.stream().toList()) {
                    String name = entry.getName();
                    if (name.equalsIgnoreCase(JarFile.MANIFEST_NAME) || SIGNATURE.matcher(name).matches()) {
                        continue;
                    }
                    ZipEntry target = new ZipEntry(name);
                    target.setTime(entry.getTime());
                    copy.putNextEntry(target);
                    try (InputStream data = in.getInputStream(entry)) {
                        data.transferTo(copy);
                    }
                    copy.closeEntry();
                }
            }
        }
    }
}
