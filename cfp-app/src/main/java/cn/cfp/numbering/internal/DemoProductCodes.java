package cn.cfp.numbering.internal;

import cn.cfp.access.Actor;
import cn.cfp.numbering.ProductCodes;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The demo's product codes [decision D2]: CNCA's catalogue is not in the seeds, so the demo ships a few codes whose names
 * say they are demo values ("演示代码" / "demo code"). Loaded with the demo data, once (an import never deletes and only
 * adds what is missing here).
 */
@Component
@ConditionalOnProperty(name = "cfp.demo.enabled", havingValue = "true")
class DemoProductCodes implements SmartInitializingSingleton {

    static final String CSV = """
            code,name_zh,name_en
            101,电机（演示代码）,Electric motors (demo code)
            102,防爆电气（演示代码）,Explosion-proof electrical equipment (demo code)
            201,家具（演示代码）,Furniture (demo code)
            301,机械（演示代码）,Machinery (demo code)
            """;

    private final ProductCodes codes;

    DemoProductCodes(ProductCodes codes) {
        this.codes = codes;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (codes.all().isEmpty()) {
            codes.importCsv(Actor.SYSTEM, CSV);
        }
    }
}
