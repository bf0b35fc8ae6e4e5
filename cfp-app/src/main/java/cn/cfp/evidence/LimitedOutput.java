package cn.cfp.evidence;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Stops writing once a limit is passed, so an oversized upload does not fill the disk. */
final class LimitedOutput extends FilterOutputStream {

    static final class LimitReached extends IOException {
        LimitReached() {
            super("size limit reached");
        }
    }

    private final long limit;
    private long written;

    LimitedOutput(OutputStream out, long limit) {
        super(out);
        this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
        if (written >= limit) {
            throw new LimitReached();
        }
        out.write(b);
        written++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (written + len > limit) {
            int allowed = (int) (limit - written);
            out.write(b, off, allowed);
            written += allowed;
            throw new LimitReached();
        }
        out.write(b, off, len);
        written += len;
    }
}
