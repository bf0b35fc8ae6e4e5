package cn.cfp.calc.model;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A unit process: reference output(s), inputs, direct emissions and mass balances, all per the stated output
 * amounts. Several outputs need an allocation method (R-CALC-8).
 */
public record Process(String id, String name, Stage stage, List<Output> outputs, AllocationMethod allocation,
                      List<Input> inputs, List<Emission> emissions, List<MassBalance> massBalances, String location) {

    public Process {
        id = Check.text(id, "process id");
        name = name == null || name.isBlank() ? id : name.trim();
        String what = "process '" + name + "'";
        Check.notNull(stage, what + ": stage");
        outputs = Check.list(outputs);
        inputs = Check.list(inputs);
        emissions = Check.list(emissions);
        massBalances = Check.list(massBalances);
        if (outputs.isEmpty()) {
            throw new InvalidInventoryException(what + ": has no reference output");
        }
        Set<String> flows = new HashSet<>();
        for (Output o : outputs) {
            if (!flows.add(o.flow())) {
                throw new InvalidInventoryException(what + ": output '" + o.flow() + "' appears twice");
            }
        }
        if (outputs.size() > 1 && allocation == null) {
            throw new InvalidInventoryException(what + ": has " + outputs.size()
                    + " outputs and needs an allocation method (MASS, ECONOMIC or PHYSICAL)");
        }
    }

    public Output output(String flow) {
        if (flow == null) {
            return outputs.get(0);
        }
        for (Output o : outputs) {
            if (o.flow().equals(flow)) {
                return o;
            }
        }
        return null;
    }
}
