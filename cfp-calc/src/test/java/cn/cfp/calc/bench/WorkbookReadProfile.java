package cn.cfp.calc.bench;

import cn.cfp.calc.io.InventoryWorkbook;
import cn.cfp.calc.model.Inventory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Locale;

/**
 * Times {@link InventoryWorkbook#read} of the 400-line data-collection workbook of the verification benchmark
 * (docs/performance.md) without the platform: a plain main, to run under JFR when profiling.
 * Arguments: [lines (400)] [rounds (40)] [file]. Prints the median and the heap allocated per read. With a file that
 * does not exist, the workbook is written there and the program ends; with one that exists, it is read from there (so
 * the smallest {@code -Xmx} that reads it measures the reading alone, not the writing).
 */
public final class WorkbookReadProfile {

    private WorkbookReadProfile() {
    }

    public static void main(String[] args) throws Exception {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        java.nio.file.Path file = args.length > 2 ? java.nio.file.Path.of(args[2]) : null;
        byte[] wb;
        if (file != null && java.nio.file.Files.exists(file)) {
            wb = java.nio.file.Files.readAllBytes(file);
        } else {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            InventoryWorkbook.write(SyntheticInventory.create(lines, 42), b);
            wb = b.toByteArray();
            if (file != null) {
                java.nio.file.Files.write(file, wb);
                return;
            }
        }
        var mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        double[] ms = new double[rounds];
        long allocated = 0;
        Inventory inv = null;
        for (int i = 0; i < rounds; i++) {
            long a0 = mx.getThreadAllocatedBytes(tid);
            long t0 = System.nanoTime();
            inv = InventoryWorkbook.read(new ByteArrayInputStream(wb), "bench.xlsx");
            ms[i] = (System.nanoTime() - t0) / 1e6;
            allocated = mx.getThreadAllocatedBytes(tid) - a0;
        }
        double[] tail = Arrays.copyOfRange(ms, rounds / 4, rounds);
        Arrays.sort(tail);
        System.out.printf(Locale.ROOT, "%d-line workbook (%d bytes), %d processes: read median %.1f ms (min %.1f, max %.1f)"
                        + " over the last %d of %d rounds; %.1f MB allocated per read%n",
                lines, wb.length, inv.processes().size(), tail[tail.length / 2], tail[0], tail[tail.length - 1],
                tail.length, rounds, allocated / 1e6);
    }
}
