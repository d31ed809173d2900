using Mono.Cecil;
using Mono.Cecil.Cil;
using Mono.Cecil.Rocks;
using Traject.Web.Data;

namespace Traject.Tests.Unit;

/// <summary>
/// Keeps the module map of ADR 0001 true, by reading the compiled app: a module depends only on the modules the map
/// allows (and so never in a circle), <c>Common/</c> depends on no module, and no module writes another module's
/// entities (no <c>new</c>, no property setter, no <c>DbSet</c> add/remove/update and no bulk update or delete of an
/// entity it does not own). A failure names each offending type and what it touched.
/// </summary>
public sealed class ArchitectureTests
{
    /// <summary>The map: each module with the modules it may depend on. Kept in step with docs/adr/0001-modular-monolith.md.</summary>
    internal static readonly IReadOnlyDictionary<string, string[]> Map = new Dictionary<string, string[]>
    {
        ["Organisations"] = [],
        ["Auth"] = ["Organisations"],
        ["YoungPeople"] = ["Organisations"],
        ["Timeline"] = [],
        ["Notifications"] = ["Organisations"],
        ["Trajectories"] = ["Organisations", "YoungPeople", "Timeline"],
        ["Tasks"] = ["Organisations", "Trajectories", "Timeline"],
        ["Emergency"] = ["Organisations", "YoungPeople", "Trajectories", "Timeline", "Notifications"],
        ["FuturePlans"] = ["Organisations", "YoungPeople", "Trajectories", "Timeline"],
        ["ReportingCode"] = ["Organisations", "Trajectories", "Timeline", "Tasks"],
        ["Placements"] = ["Organisations", "YoungPeople", "Trajectories", "Timeline", "Tasks"],
        ["Safety"] = ["Organisations", "YoungPeople", "Trajectories", "Timeline", "Tasks", "Notifications", "Emergency", "Placements", "Network"],
        ["Screening"] = ["Organisations", "YoungPeople", "Trajectories", "Timeline", "Tasks", "Notifications", "Emergency"],
        ["Registration"] = ["Organisations", "YoungPeople", "Trajectories", "Timeline", "Tasks", "Notifications", "Screening", "Triage"],
        ["Handovers"] = ["Organisations", "YoungPeople", "Trajectories", "Timeline", "Tasks", "Notifications", "Emergency", "Placements"],
        ["Aftercare"] = ["Organisations", "YoungPeople", "Trajectories", "Timeline", "Tasks", "Notifications", "Placements"],
        ["Continuity"] = ["Organisations", "YoungPeople", "Trajectories", "Timeline", "Tasks", "Placements", "FuturePlans"],
        ["Network"] = ["Organisations", "YoungPeople", "Trajectories", "Timeline", "Tasks", "Notifications", "Emergency"],
        ["Triage"] = ["Organisations", "YoungPeople", "Trajectories", "Timeline", "Tasks", "Placements", "Safety", "Screening"],
        ["Statistics"] = ["Organisations", "Registration"],
        ["Caseload"] = ["Organisations", "YoungPeople", "Trajectories", "Timeline", "Tasks", "Safety", "Placements", "Triage"],
        ["Journal"] = ["Organisations", "Trajectories", "Timeline", "Tasks"],
    };

    private const string ModulesPrefix = "Traject.Web.Modules.";
    private static readonly Lazy<ModuleDefinition> App = new(() => ModuleDefinition.ReadModule(typeof(TrajectDb).Assembly.Location));

    [Fact]
    public void Every_module_folder_is_on_the_map_and_the_map_has_no_circle()
    {
        var modules = AllTypes().Select(t => ModuleOf(Namespace(t))).OfType<string>().Distinct().Order().ToList();
        Assert.Equal(Map.Keys.Order(), modules);
        foreach (var module in Map.Keys)
        {
            Assert.False(Reaches(module, module, []), $"{module} depends on itself through the map");
        }
    }

    [Fact]
    public void A_module_depends_only_on_the_modules_the_map_allows()
    {
        var offences = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in AllTypes())
        {
            if (ModuleOf(Namespace(type)) is not { } module)
            {
                continue;
            }

            foreach (var used in References(type))
            {
                if (ModuleOf(used.Namespace) is { } other && other != module && !Map[module].Contains(other))
                {
                    offences.Add($"{module} -> {other}: {type.FullName} uses {used.FullName}");
                }
            }
        }

        Assert.True(offences.Count == 0, "Against the module map:\n" + string.Join('\n', offences));
    }

    [Fact]
    public void Common_depends_on_no_module()
    {
        var offences = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in AllTypes().Where(t => Namespace(t).StartsWith("Traject.Web.Common", StringComparison.Ordinal)))
        {
            foreach (var used in References(type).Where(u => u.Namespace.StartsWith(ModulesPrefix, StringComparison.Ordinal)))
            {
                offences.Add($"{type.FullName} uses {used.FullName}");
            }
        }

        Assert.True(offences.Count == 0, "Common/ depends on modules:\n" + string.Join('\n', offences));
    }

    [Fact]
    public void No_module_writes_another_modules_entities()
    {
        var owners = typeof(TrajectDb).GetProperties()
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(Microsoft.EntityFrameworkCore.DbSet<>))
            .Select(p => p.PropertyType.GetGenericArguments()[0])
            .Where(t => t.Namespace?.StartsWith(ModulesPrefix, StringComparison.Ordinal) == true)
            .ToDictionary(t => t.FullName!, t => ModuleOf(t.Namespace!)!);
        Assert.True(owners.Count > 40, $"{owners.Count} module entities found");
        var offences = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in AllTypes())
        {
            if (ModuleOf(Namespace(type)) is not { } module)
            {
                continue;
            }

            foreach (var method in type.Methods.Where(m => m.HasBody))
            {
                foreach (var instruction in method.Body.Instructions)
                {
                    if (instruction.Operand is not MethodReference called)
                    {
                        continue;
                    }

                    var written = Written(called, instruction.OpCode);
                    if (written is not null && owners.TryGetValue(written, out var owner) && owner != module)
                    {
                        offences.Add($"{module} writes {owner}'s {written}: {Outer(type).FullName}.{method.Name} calls {called.Name}");
                    }
                }
            }
        }

        Assert.True(offences.Count == 0, "Writes into another module's entities:\n" + string.Join('\n', offences));
    }

    /// <summary>The entity a call writes: its constructor or a property setter, or a DbSet/DbContext/bulk write of it.</summary>
    private static string? Written(MethodReference called, OpCode op)
    {
        var declaring = called.DeclaringType;
        if ((op == OpCodes.Newobj && called.Name == ".ctor") || called.Name.StartsWith("set_", StringComparison.Ordinal))
        {
            return declaring.GetElementType().FullName;
        }

        if (declaring is GenericInstanceType { ElementType.FullName: "Microsoft.EntityFrameworkCore.DbSet`1" } set
            && called.Name is "Add" or "AddAsync" or "AddRange" or "AddRangeAsync" or "Remove" or "RemoveRange" or "Update" or "UpdateRange" or "Attach" or "AttachRange")
        {
            return set.GenericArguments[0].FullName;
        }

        if (called is GenericInstanceMethod generic
            && (called.Name is "ExecuteDelete" or "ExecuteDeleteAsync" or "ExecuteUpdate" or "ExecuteUpdateAsync"
                || (declaring.FullName.EndsWith("DbContext", StringComparison.Ordinal) && called.Name is "Add" or "AddAsync" or "Remove" or "Update" or "Attach")))
        {
            return generic.GenericArguments[0].FullName;
        }

        return null;
    }

    private static bool Reaches(string from, string target, HashSet<string> seen)
    {
        foreach (var next in Map[from])
        {
            if (next == target || (seen.Add(next) && Reaches(next, target, seen)))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<TypeDefinition> AllTypes() => App.Value.GetAllTypes().Where(t => t.Name != "<Module>");

    private static TypeDefinition Outer(TypeDefinition type) => type.DeclaringType is { } outer ? Outer(outer) : type;

    private static string Namespace(TypeDefinition type) => Outer(type).Namespace;

    /// <summary>The module a namespace belongs to (<c>Traject.Web.Modules.X</c> and below), or null outside the modules.</summary>
    private static string? ModuleOf(string ns)
    {
        if (!ns.StartsWith(ModulesPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = ns[ModulesPrefix.Length..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }

    /// <summary>Every type of this app a type mentions: in its signature, attributes, members and method bodies.</summary>
    private static HashSet<(string Namespace, string FullName)> References(TypeDefinition type)
    {
        var found = new HashSet<(string Namespace, string FullName)>();
        void Add(TypeReference? reference)
        {
            switch (reference)
            {
                case null:
                    return;
                case GenericInstanceType generic:
                    Add(generic.ElementType);
                    foreach (var argument in generic.GenericArguments)
                    {
                        Add(argument);
                    }

                    return;
                case TypeSpecification specification:
                    Add(specification.ElementType);
                    return;
                case GenericParameter:
                    return;
            }

            var outer = reference;
            while (outer.DeclaringType is { } declaring)
            {
                outer = declaring;
            }

            if (outer.Namespace.StartsWith("Traject.Web", StringComparison.Ordinal))
            {
                found.Add((outer.Namespace, outer.FullName));
            }
        }

        void AddMethod(MethodReference method)
        {
            Add(method.DeclaringType);
            Add(method.ReturnType);
            foreach (var parameter in method.Parameters)
            {
                Add(parameter.ParameterType);
            }

            if (method is GenericInstanceMethod generic)
            {
                foreach (var argument in generic.GenericArguments)
                {
                    Add(argument);
                }
            }
        }

        Add(type.BaseType);
        foreach (var i in type.Interfaces)
        {
            Add(i.InterfaceType);
        }

        foreach (var attribute in type.CustomAttributes)
        {
            Add(attribute.AttributeType);
        }

        foreach (var field in type.Fields)
        {
            Add(field.FieldType);
        }

        foreach (var property in type.Properties)
        {
            Add(property.PropertyType);
        }

        foreach (var method in type.Methods)
        {
            AddMethod(method);
            if (!method.HasBody)
            {
                continue;
            }

            foreach (var variable in method.Body.Variables)
            {
                Add(variable.VariableType);
            }

            foreach (var instruction in method.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference t:
                        Add(t);
                        break;
                    case MethodReference m:
                        AddMethod(m);
                        break;
                    case FieldReference f:
                        Add(f.DeclaringType);
                        Add(f.FieldType);
                        break;
                }
            }
        }

        return found;
    }
}
