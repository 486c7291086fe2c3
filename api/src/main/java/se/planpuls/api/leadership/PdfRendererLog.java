package se.planpuls.api.leadership;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PDF renderer's messages in the service's own log: it otherwise prints each step of every review
 * PDF to standard error in a format of its own. Its INFO is a progress note, so it goes to DEBUG here.
 */
public final class PdfRendererLog implements XRLogger {
    private PdfRendererLog() {
    }

    /** Once, before the first PDF; the renderer keeps one logger for the whole process. */
    public static void install() {
        XRLog.setLoggerImpl(new PdfRendererLog());
    }

    @Override
    public void log(String where, Level level, String message) {
        log(where, level, message, null);
    }

    @Override
    public void log(String where, Level level, String message, Throwable error) {
        Logger logger = LoggerFactory.getLogger(where);
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            logger.error(message, error);
        } else if (value >= Level.WARNING.intValue()) {
            logger.warn(message, error);
        } else if (value >= Level.INFO.intValue()) {
            logger.debug(message, error);
        } else {
            logger.trace(message, error);
        }
    }

    @Override
    public void setLevel(String where, Level level) {
        // Levels are the service's logging configuration's to set.
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        Logger logger = LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere());
        int value = diagnostic.getLevel().intValue();
        return value >= Level.WARNING.intValue() ? logger.isWarnEnabled()
                : value >= Level.INFO.intValue() ? logger.isDebugEnabled() : logger.isTraceEnabled();
    }
}
