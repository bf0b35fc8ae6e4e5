package cn.cfp.scheme;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The application document checklist of a scheme [R-APP-1]. */
public record DocumentChecklist(List<ChecklistItem> items) implements Summarizable {

    public DocumentChecklist {
        items = List.copyOf(items);
    }

    public List<ChecklistItem> ofKind(ChecklistItem.Kind kind) {
        return items.stream().filter(i -> i.kind() == kind).toList();
    }

    public Optional<ChecklistItem> item(String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    @Override
    public String summary(Locale locale) {
        return Texts.en(locale)
                ? items.size() + " documents: " + ofKind(ChecklistItem.Kind.REQUIRED).size() + " required, "
                  + ofKind(ChecklistItem.Kind.CONDITIONAL).size() + " conditional, "
                  + ofKind(ChecklistItem.Kind.OPTIONAL).size() + " optional"
                : items.size() + " 项文件：必需 " + ofKind(ChecklistItem.Kind.REQUIRED).size() + " 项，适用时 "
                  + ofKind(ChecklistItem.Kind.CONDITIONAL).size() + " 项，如有 "
                  + ofKind(ChecklistItem.Kind.OPTIONAL).size() + " 项";
    }
}
