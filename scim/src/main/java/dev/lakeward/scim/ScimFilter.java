package dev.lakeward.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.AndFilter;
import com.unboundid.scim2.common.filters.ComplexValueFilter;
import com.unboundid.scim2.common.filters.ContainsFilter;
import com.unboundid.scim2.common.filters.EndsWithFilter;
import com.unboundid.scim2.common.filters.EqualFilter;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterVisitor;
import com.unboundid.scim2.common.filters.GreaterThanFilter;
import com.unboundid.scim2.common.filters.GreaterThanOrEqualFilter;
import com.unboundid.scim2.common.filters.LessThanFilter;
import com.unboundid.scim2.common.filters.LessThanOrEqualFilter;
import com.unboundid.scim2.common.filters.NotEqualFilter;
import com.unboundid.scim2.common.filters.NotFilter;
import com.unboundid.scim2.common.filters.OrFilter;
import com.unboundid.scim2.common.filters.PresentFilter;
import com.unboundid.scim2.common.filters.StartsWithFilter;
import com.unboundid.scim2.common.utils.FilterEvaluator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A SCIM filter ({@code userName eq "a@b.c" and active eq true}) parsed by UnboundID's SCIM 2 SDK,
 * restricted to the attributes a resource type supports: anything else is a 400
 * {@code invalidFilter} naming the attribute, as identity providers expect.
 */
public final class ScimFilter {

    private static final Pattern CORE_URN = Pattern.compile(
            "(?i)urn:ietf:params:scim:schemas:core:2\\.0:(User|Group|ServicePrincipal):(?=[a-z])");

    private final Filter filter;

    private ScimFilter(Filter filter) {
        this.filter = filter;
    }

    /**
     * @param supported the attribute paths that may be filtered on, lower-case, e.g.
     *                  {@code username}, {@code emails.value}, {@code meta.lastmodified}
     */
    public static ScimFilter parse(String expression, Set<String> supported) {
        Filter filter;
        try {
            // core attributes sit at the resource's top, where the evaluator looks for unqualified names
            filter = Filter.fromString(CORE_URN.matcher(expression).replaceAll(""));
        } catch (BadRequestException e) {
            throw ScimError.invalidFilter("The filter '" + expression + "' is not valid SCIM: "
                    + e.getMessage());
        }
        Set<String> used = new TreeSet<>();
        collect(filter, "", used);
        for (String attribute : used) {
            if (!supported.contains(attribute)) {
                throw ScimError.invalidFilter("Filtering on '" + attribute
                        + "' is not supported; these attributes are: " + new TreeSet<>(supported) + ".");
            }
        }
        return new ScimFilter(filter);
    }

    /** Whether the resource (its SCIM JSON) matches. */
    public boolean matches(JsonNode resource) {
        try {
            return FilterEvaluator.evaluate(filter, resource);
        } catch (ScimException e) {
            throw ScimError.invalidFilter(e.getMessage());
        }
    }

    public Filter filter() {
        return filter;
    }

    /**
     * The value the filter requires of a top-level attribute with {@code eq}, alone or in an
     * {@code and}: what a store can look up by index before evaluating the whole filter, as in
     * identity providers' {@code userName eq "…"} lookups.
     */
    public Optional<String> requiredEquality(String attribute) {
        return requiredEquality(filter, attribute);
    }

    private static Optional<String> requiredEquality(Filter filter, String attribute) {
        if (filter instanceof EqualFilter equal && equal.getAttributePath().size() == 1
                && equal.getAttributePath().getSchemaUrn() == null
                && equal.getAttributePath().getElement(0).getAttribute().equalsIgnoreCase(attribute)
                && equal.getComparisonValue() != null && equal.getComparisonValue().isTextual()) {
            return Optional.of(equal.getComparisonValue().asText());
        }
        if (filter instanceof AndFilter and) {
            return and.getCombinedFilters().stream().map(f -> requiredEquality(f, attribute))
                    .flatMap(Optional::stream).findFirst();
        }
        return Optional.empty();
    }

    /** The attribute paths a filter tree names, with value filters' prefixes ({@code members.value}). */
    private static void collect(Filter filter, String prefix, Set<String> used) {
        try {
            filter.visit(new FilterVisitor<Void, Void>() {
                private Void attribute(Filter f) {
                    used.add(name(prefix, f.getAttributePath()));
                    return null;
                }

                @Override
                public Void visit(EqualFilter f, Void p) {
                    return attribute(f);
                }

                @Override
                public Void visit(NotEqualFilter f, Void p) {
                    return attribute(f);
                }

                @Override
                public Void visit(ContainsFilter f, Void p) {
                    return attribute(f);
                }

                @Override
                public Void visit(StartsWithFilter f, Void p) {
                    return attribute(f);
                }

                @Override
                public Void visit(EndsWithFilter f, Void p) {
                    return attribute(f);
                }

                @Override
                public Void visit(PresentFilter f, Void p) {
                    return attribute(f);
                }

                @Override
                public Void visit(GreaterThanFilter f, Void p) {
                    return attribute(f);
                }

                @Override
                public Void visit(GreaterThanOrEqualFilter f, Void p) {
                    return attribute(f);
                }

                @Override
                public Void visit(LessThanFilter f, Void p) {
                    return attribute(f);
                }

                @Override
                public Void visit(LessThanOrEqualFilter f, Void p) {
                    return attribute(f);
                }

                @Override
                public Void visit(AndFilter f, Void p) {
                    f.getCombinedFilters().forEach(c -> collect(c, prefix, used));
                    return null;
                }

                @Override
                public Void visit(OrFilter f, Void p) {
                    f.getCombinedFilters().forEach(c -> collect(c, prefix, used));
                    return null;
                }

                @Override
                public Void visit(NotFilter f, Void p) {
                    collect(f.getInvertedFilter(), prefix, used);
                    return null;
                }

                @Override
                public Void visit(ComplexValueFilter f, Void p) {
                    collect(f.getValueFilter(), name(prefix, f.getAttributePath()) + ".", used);
                    return null;
                }
            }, null);
        } catch (ScimException e) {
            throw ScimError.invalidFilter(e.getMessage());
        }
    }

    /** The path in lower case; an extension's attribute keeps its schema URN ({@code urn:…:user:department}). */
    private static String name(String prefix, Path path) {
        StringBuilder name = new StringBuilder(prefix);
        String urn = path.getSchemaUrn();
        if (urn != null && urn.equalsIgnoreCase(ScimSchemas.ENTERPRISE_USER)) {
            name.append(urn).append(':');
        }
        for (int i = 0; i < path.size(); i++) {
            if (i > 0) {
                name.append('.');
            }
            name.append(path.getElement(i).getAttribute());
        }
        return name.toString().toLowerCase(Locale.ROOT);
    }
}
