import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites a Lambda zip so that every jar under {@code lib/} holds its entries uncompressed; the zip
 * itself stays deflated. A cold start spends much of its time loading classes, and a class read from a
 * stored entry needs no inflating: init + first invoke drop by about 9 %, and the zip shrinks by about
 * 30 % because one deflate over a whole jar compresses better than one per class (numbers and command in
 * docs/performance.md). Entries keep their names, order and times.
 * <p>
 * Run by the build after the assembly plugin ({@code java functions/StoreJars.java ZIP}, a single-file
 * source program, so the build needs no module of its own for it).
 */
public final class StoreJars {
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: java StoreJars.java LAMBDA_ZIP");
        }
        Path zip = Path.of(args[0]);
        Path rewritten = zip.resolveSibling(zip.getFileName() + ".tmp");
        try (ZipFile in = new ZipFile(zip.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(rewritten))) {
            for (ZipEntry entry : Collections.list(in.entries())) {
                byte[] content = in.getInputStream(entry).readAllBytes();
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setLastModifiedTime(entry.getLastModifiedTime());
                out.putNextEntry(copy);
                out.write(entry.getName().endsWith(".jar") ? stored(content) : content);
                out.closeEntry();
            }
        }
        Files.move(rewritten, zip, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The same jar with every entry stored; a stored entry needs its size and CRC before its bytes. */
    private static byte[] stored(byte[] jar) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(jar.length * 3);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar)); ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                CRC32 crc = new CRC32();
                crc.update(content);
                ZipEntry entry = new ZipEntry(e.getName());
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(content.length);
                entry.setCompressedSize(content.length);
                entry.setCrc(crc.getValue());
                if (e.getLastModifiedTime() != null) {
                    entry.setLastModifiedTime(e.getLastModifiedTime());
                }
                out.putNextEntry(entry);
                out.write(content);
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
