package cn.cfp.personnel.internal;

import cn.cfp.access.UserDirectory;
import cn.cfp.access.UserView;
import cn.cfp.personnel.CompetenceLevel;
import cn.cfp.personnel.FieldCompetence;
import cn.cfp.personnel.ProfileInput;
import cn.cfp.personnel.StaffRegistry;
import cn.cfp.scheme.Qualification;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo personnel profiles for the demo staff users, so that a valid team exists for every shipped scheme.
 * Idempotent: a user who already has a profile is left alone. Runs after the demo users are created.
 */
@Component
@ConditionalOnProperty(name = "cfp.demo.enabled", havingValue = "true")
@Order(20)
class DemoProfiles implements ApplicationRunner {

    /** Fields the demo schemes use: CGC PV fields, CNEX explosion-proof, CEC furniture materials. */
    static final List<String> ALL_FIELDS = List.of("PV11", "PV12", "PV13", "PV14", "PV15", "PV17", "EXPLOSION_PROOF", "FURNITURE",
            "WOOD", "METAL", "BAMBOO_RATTAN", "PLASTIC", "UPHOLSTERED", "GLASS_STONE", "MOTOR");

    private final UserDirectory users;
    private final StaffRegistry registry;

    DemoProfiles(UserDirectory users, StaffRegistry registry) {
        this.users = users;
        this.registry = registry;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.getNonOptionArgs().isEmpty()) {
            return; // a CLI command, not the platform
        }
        LocalDate signed = LocalDate.of(2025, 1, 6);
        // inspector: full-time CCAA-registered inspector, GHG verifier, expert in every demo field (leader for any scheme)
        seed("inspector", new ProfileInput(true, EnumSet.of(Qualification.CCAA_REGISTERED, Qualification.GHG_VERIFIER,
                Qualification.PCF_TRAINING_CERT, Qualification.PCF_VERIFIER_AUTHORISED), "CCAA-2021-P-10086", fields(CompetenceLevel.EXPERT), 6, signed));
        // inspector2: full-time, voluntary and green product certification, proficient in every field
        seed("inspector2", new ProfileInput(true, EnumSet.of(Qualification.CCAA_REGISTERED, Qualification.VOLUNTARY_PRODUCT_CERT,
                Qualification.GREEN_PRODUCT_CERT, Qualification.PCF_TRAINING_CERT, Qualification.EMS_ENMS_AUDITOR), "CCAA-2023-P-20417", fields(CompetenceLevel.PROFICIENT), 3, signed));
        // verifier: full-time GHG verifier (trained [001 §8.5], CGC-authorised [003 §5.2.4]), proficient everywhere
        seed("verifier", new ProfileInput(true, EnumSet.of(Qualification.GHG_VERIFIER, Qualification.PCF_TRAINING_CERT,
                Qualification.PCF_VERIFIER_AUTHORISED), null, fields(CompetenceLevel.PROFICIENT), 4, signed));
        // expert: part-time technical expert (explosion-proof motors)
        seed("expert", new ProfileInput(false, Set.of(), null,
                List.of(new FieldCompetence("EXPLOSION_PROOF", CompetenceLevel.EXPERT, true, true, 12),
                        new FieldCompetence("MOTOR", CompetenceLevel.EXPERT, true, true, 9)), 15, signed));
        seed("pm", new ProfileInput(true, EnumSet.of(Qualification.CCAA_REGISTERED), "CCAA-2018-P-00731",
                fields(CompetenceLevel.AWARE), 8, signed));
        seed("reviewer", new ProfileInput(true, EnumSet.of(Qualification.CCAA_REGISTERED, Qualification.GHG_VERIFIER),
                "CCAA-2019-P-03321", fields(CompetenceLevel.PROFICIENT), 7, signed));
        seed("decider", new ProfileInput(true, Set.of(), null, List.of(), 10, signed));
        seed("preparer", new ProfileInput(true, Set.of(), null, List.of(), 2, signed));
        seed("evaluator", new ProfileInput(true, Set.of(), null, List.of(), 9, signed));
        seed("schemer", new ProfileInput(true, Set.of(), null, List.of(), 5, signed));
        seed("archivist", new ProfileInput(false, Set.of(), null, List.of(), 1, signed));
        seed("admin", new ProfileInput(false, Set.of(), null, List.of(), 1, signed));
    }

    private static List<FieldCompetence> fields(CompetenceLevel level) {
        List<FieldCompetence> out = new ArrayList<>();
        for (String f : ALL_FIELDS) {
            out.add(new FieldCompetence(f, level, true, level != CompetenceLevel.AWARE, level == CompetenceLevel.EXPERT ? 5 : 1));
        }
        return out;
    }

    private void seed(String username, ProfileInput in) {
        Optional<UserView> u = users.findByUsername(username);
        if (u.isPresent() && !registry.recorded(u.get().id())) {
            registry.save("system", u.get().id(), in);
        }
    }
}
