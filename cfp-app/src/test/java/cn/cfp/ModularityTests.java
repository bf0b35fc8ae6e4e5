package cn.cfp;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The module structure holds: no cycles, no reaching into another module's internal packages. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(CfpApplication.class);

    @Test
    void modules_have_no_cycles_and_use_only_each_others_public_api() {
        MODULES.verify();
    }
}
