package cn.cfp.calc.matrix;

/** The system A·s = f has no unique solution; the message names the processes involved. */
public final class SingularSystemException extends IllegalStateException {

    public SingularSystemException(String message) {
        super(message);
    }
}
