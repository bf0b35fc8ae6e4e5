package cn.cfp.calc.model;

import cn.cfp.calc.unit.Dimension;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A product system ready to calculate (R-CALC-1, R-CALC-2, R-CALC-10): processes linked to each other and to
 * emission factors, a functional unit, a boundary and a data period. The constructor checks every link and
 * refuses the inventory with a message that names the item.
 */
public record Inventory(String name, String product, FunctionalUnit functionalUnit, Boundary boundary,
                        LocalDate periodFrom, LocalDate periodTo, List<Process> processes,
                        List<EmissionFactor> factors, Rules rules) {

    public Inventory {
        name = name == null || name.isBlank() ? "inventory" : name.trim();
        product = product == null ? name : product.trim();
        Check.notNull(functionalUnit, "functional unit");
        boundary = Check.notNull(boundary, "boundary (CRADLE_TO_GATE or CRADLE_TO_GRAVE)");
        processes = Check.list(processes);
        factors = Check.list(factors);
        rules = rules == null ? Rules.DEFAULT : rules;
        if (periodFrom != null && periodTo != null && periodTo.isBefore(periodFrom)) {
            throw new InvalidInventoryException("data period ends (" + periodTo + ") before it starts (" + periodFrom + ")");
        }
        if (processes.isEmpty()) {
            throw new InvalidInventoryException("inventory '" + name + "' has no processes");
        }
        validate(functionalUnit, boundary, processes, factors);
    }

    /** The same inventory with other rules (e.g. a scheme's parameters applied by the platform). */
    public Inventory withRules(Rules other) {
        return new Inventory(name, product, functionalUnit, boundary, periodFrom, periodTo, processes, factors, other);
    }

    private static void validate(FunctionalUnit fu, Boundary boundary, List<Process> processes,
                                 List<EmissionFactor> factors) {
        Map<String, Process> byId = new HashMap<>();
        for (Process p : processes) {
            if (byId.put(p.id(), p) != null) {
                throw new InvalidInventoryException("process id '" + p.id() + "' is used twice");
            }
        }
        Map<String, EmissionFactor> factorById = new HashMap<>();
        Map<String, List<EmissionFactor>> byFlow = new HashMap<>();
        for (EmissionFactor f : factors) {
            if (factorById.put(f.id(), f) != null) {
                throw new InvalidInventoryException("emission factor id '" + f.id() + "' is used twice");
            }
            if (f.flow() != null) {
                byFlow.computeIfAbsent(f.flow(), k -> new ArrayList<>()).add(f);
            }
        }
        Process ref = byId.get(fu.process());
        if (ref == null) {
            throw new InvalidInventoryException("functional unit refers to process '" + fu.process()
                    + "', which is not in the inventory");
        }
        Output refOut = ref.output(fu.flow());
        if (refOut == null) {
            throw new InvalidInventoryException("functional unit refers to output '" + fu.flow() + "' of process '"
                    + ref.name() + "', which has no such output");
        }
        if (!fu.amount().unit().isCompatibleWith(refOut.amount().unit())) {
            throw new InvalidInventoryException("functional unit: unit '" + fu.amount().unit() + "' is not compatible "
                    + "with '" + refOut.amount().unit() + "' of output '" + refOut.flow() + "' of process '" + ref.name() + "'");
        }
        if (fu.productMass() != null && fu.productMass().unit().dimension() != Dimension.MASS) {
            throw new InvalidInventoryException("functional unit: product mass must be in a mass unit, was '"
                    + fu.productMass().unit() + "'");
        }
        for (Process p : processes) {
            String pw = "process '" + p.name() + "'";
            checkStage(boundary, p.stage(), pw);
            checkAllocation(p);
            for (Input in : p.inputs()) {
                String w = "input '" + in.name() + "' of " + pw;
                if (in.stage() != null) {
                    checkStage(boundary, in.stage(), w);
                }
                if (in.excluded()) {
                    if (in.amount().unit().dimension() != Dimension.MASS) {
                        throw new InvalidInventoryException(w + ": excluded under the cut-off rule, so its amount must "
                                + "be a mass, but unit '" + in.amount().unit() + "' is not a mass unit");
                    }
                    continue;
                }
                if (in.provider() != null) {
                    Process prov = byId.get(in.provider());
                    if (prov == null) {
                        throw new InvalidInventoryException(w + ": provider process '" + in.provider()
                                + "' is not in the inventory");
                    }
                    String outFlow = in.providerOutput();
                    if (outFlow == null && prov.outputs().size() > 1) {
                        outFlow = in.name();
                    }
                    Output o = prov.output(outFlow);
                    if (o == null) {
                        throw new InvalidInventoryException(w + ": provider process '" + prov.name()
                                + "' has no output '" + outFlow + "'");
                    }
                    unitsMatch(w, in, o.amount().unit(), "output '" + o.flow() + "' of process '" + prov.name() + "'");
                } else if (in.factor() != null) {
                    EmissionFactor f = factorById.get(in.factor());
                    if (f == null) {
                        throw new InvalidInventoryException(w + ": emission factor '" + in.factor()
                                + "' is not in the inventory");
                    }
                    unitsMatch(w, in, f.unit(), "emission factor '" + f.id() + "'");
                } else {
                    List<EmissionFactor> c = byFlow.get(in.flow());
                    if (c == null) {
                        throw new InvalidInventoryException(w + ": no emission factor serves flow '" + in.flow() + "'");
                    }
                    for (EmissionFactor f : c) {
                        unitsMatch(w, in, f.unit(), "emission factor '" + f.id() + "'");
                    }
                }
            }
            for (Emission e : p.emissions()) {
                if (e.stage() != null) {
                    checkStage(boundary, e.stage(), "emission '" + e.name() + "' of " + pw);
                }
                if (e.amount().unit().dimension() != Dimension.MASS) {
                    throw new InvalidInventoryException("emission '" + e.name() + "' of " + pw + ": unit '"
                            + e.amount().unit() + "' is not a mass unit");
                }
            }
            for (MassBalance mb : p.massBalances()) {
                for (CarbonFlow cf : concat(mb.carbonIn(), mb.carbonOut())) {
                    if (cf.mass().unit().dimension() != Dimension.MASS) {
                        throw new InvalidInventoryException("mass balance '" + mb.name() + "' of " + pw + ": '"
                                + cf.name() + "' is in '" + cf.mass().unit() + "', not a mass unit");
                    }
                }
            }
        }
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> r = new ArrayList<>(a);
        r.addAll(b);
        return r;
    }

    private static void unitsMatch(String what, Input in, cn.cfp.calc.unit.Unit target, String targetName) {
        if (!in.amount().unit().isCompatibleWith(target)) {
            throw new InvalidInventoryException(what + ": unit '" + in.amount().unit() + "' is not compatible with '"
                    + target + "' of " + targetName);
        }
    }

    private static void checkStage(Boundary boundary, Stage stage, String what) {
        if (!boundary.includes(stage)) {
            throw new InvalidInventoryException(what + ": stage " + stage + " is outside the boundary " + boundary);
        }
    }

    private static void checkAllocation(Process p) {
        if (p.outputs().size() < 2) {
            return;
        }
        String pw = "process '" + p.name() + "'";
        long given = p.outputs().stream().filter(o -> o.allocationPercent() != null).count();
        if (given > 0 && given < p.outputs().size()) {
            throw new InvalidInventoryException(pw + ": allocation shares are given for some outputs only");
        }
        if (given > 0) {
            double sum = p.outputs().stream().mapToDouble(Output::allocationPercent).sum();
            if (Math.abs(sum - 100.0) > 1e-6) {
                throw new InvalidInventoryException(pw + ": allocation shares sum to " + sum + " %, not 100 %");
            }
            return;
        }
        switch (p.allocation()) {
            case MASS -> {
                for (Output o : p.outputs()) {
                    if (o.amount().unit().dimension() != Dimension.MASS) {
                        throw new InvalidInventoryException(pw + ": mass allocation needs every output in a mass unit, "
                                + "but output '" + o.flow() + "' is in '" + o.amount().unit() + "'");
                    }
                }
            }
            case ECONOMIC -> {
                for (Output o : p.outputs()) {
                    if (o.price() == null) {
                        throw new InvalidInventoryException(pw + ": economic allocation needs a price for output '"
                                + o.flow() + "' (or explicit allocation shares)");
                    }
                }
                if (p.outputs().stream().mapToDouble(o -> o.price() * o.amount().amount()).sum() <= 0) {
                    throw new InvalidInventoryException(pw + ": economic allocation needs a positive total revenue");
                }
            }
            case PHYSICAL -> throw new InvalidInventoryException(pw + ": physical allocation needs explicit "
                    + "allocation shares (allocationPercent) on every output");
            default -> throw new IllegalStateException();
        }
    }

    public Process process(String id) {
        for (Process p : processes) {
            if (p.id().equals(id)) {
                return p;
            }
        }
        return null;
    }
}
