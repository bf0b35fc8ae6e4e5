package cn.cfp.scheme;

import cn.cfp.shared.Localized;
import java.util.Locale;

/** Activities that man-day rules are stated for [R-PLAN-3]. */
public enum ManDayActivity implements Localized {
    DOC_REVIEW("文件评审", "document review"),
    ON_SITE_INSPECTION("现场检查", "on-site inspection"),
    ON_SITE_VERIFICATION("现场核查", "on-site verification"),
    ON_SITE_COMBINED("现场检查与核查同时进行（合计）", "inspection and verification together"),
    INITIAL_ON_SITE("初始现场检查", "initial on-site inspection"),
    DOC_REVIEW_AND_STAGE1("文件审定及一阶段核查", "document check and stage 1"),
    STAGE2("二阶段核查", "stage 2"),
    CERTIFICATE_AND_REPORT("证书和报告", "certificate and report"),
    TOTAL("合计", "total");

    private final String zh;
    private final String en;

    ManDayActivity(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String label(Locale locale) {
        return LocalizedText.english(locale) ? en : zh;
    }
}
