using System.Collections.Concurrent;
using System.Reflection;

namespace Traject.Web.Common;

/// <summary>Something that happened in a module that other modules may act on, in the same transaction.</summary>
internal interface IDomainEvent;

/// <summary>An entity that raises domain events; they are dispatched when its unit of work is saved.</summary>
internal interface IHasDomainEvents
{
    IReadOnlyList<IDomainEvent> DomainEvents { get; }

    void ClearDomainEvents();
}

/// <summary>
/// Acts on a domain event before the change that raised it is saved: it may add or change entities of its own module
/// (never save), and a failure fails the whole save, so nothing is half done.
/// </summary>
internal interface IDomainEventHandler<in T>
    where T : IDomainEvent
{
    Task HandleAsync(T domainEvent, CancellationToken ct);
}

/// <summary>Sends each event to every registered handler of its type, in registration order.</summary>
internal sealed class DomainEventDispatcher(IServiceProvider services)
{
    private static readonly ConcurrentDictionary<Type, (Type Handlers, MethodInfo Handle)> Shapes = new();

    /// <summary>How many rounds of events raised by handlers are followed before the dispatch gives up (a loop).</summary>
    public const int MaxRounds = 8;

    public async Task DispatchAsync(IDomainEvent domainEvent, CancellationToken ct)
    {
        var (handlersType, handle) = Shapes.GetOrAdd(domainEvent.GetType(), type =>
        {
            var handler = typeof(IDomainEventHandler<>).MakeGenericType(type);
            return (typeof(IEnumerable<>).MakeGenericType(handler), handler.GetMethod(nameof(IDomainEventHandler<IDomainEvent>.HandleAsync))!);
        });
        foreach (var handler in (IEnumerable<object>)services.GetService(handlersType)!)
        {
            await (Task)handle.Invoke(handler, [domainEvent, ct])!;
        }
    }
}

/// <summary>Registration of handlers, for the modules' <c>Add…</c> methods.</summary>
internal static class DomainEventRegistration
{
    public static IServiceCollection AddHandler<TEvent, THandler>(this IServiceCollection services)
        where TEvent : IDomainEvent
        where THandler : class, IDomainEventHandler<TEvent> =>
        services.AddScoped<IDomainEventHandler<TEvent>, THandler>();
}

/// <summary>A base for entities that raise domain events.</summary>
internal abstract class RaisesDomainEvents : IHasDomainEvents
{
    private List<IDomainEvent>? _events;

    [System.ComponentModel.DataAnnotations.Schema.NotMapped]
    public IReadOnlyList<IDomainEvent> DomainEvents => _events ?? (IReadOnlyList<IDomainEvent>)[];

    public void Raise(IDomainEvent domainEvent) => (_events ??= []).Add(domainEvent);

    public void ClearDomainEvents() => _events = null;
}
