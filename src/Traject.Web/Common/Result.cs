namespace Traject.Web.Common;

/// <summary>The kinds of expected failure a use case can report.</summary>
internal enum ErrorKind
{
    Validation,
    NotFound,
    Forbidden,
    Conflict,
}

/// <summary>One of several reasons a change is refused (a message template, see <see cref="Text"/>), with where to act on it.</summary>
internal sealed record ErrorReason(string Message, string? Link);

/// <summary>
/// An expected failure: a value, mapped to HTTP and to pages in one place each. A refusal with several causes lists
/// them in <see cref="Reasons"/>, each with its link.
/// </summary>
internal sealed record Error(ErrorKind Kind, string Message, IReadOnlyDictionary<string, string[]>? Fields = null,
    IReadOnlyList<ErrorReason>? Reasons = null)
{
    public static Error NotFound() => new(ErrorKind.NotFound, "Not found.");
    public static Error Forbidden(string message) => new(ErrorKind.Forbidden, message);
    public static Error Conflict(string message) => new(ErrorKind.Conflict, message);
    public static Error Conflict(string message, IReadOnlyList<ErrorReason> reasons) => new(ErrorKind.Conflict, message, Reasons: reasons);
    public static Error Stale() => new(ErrorKind.Conflict,
        "This record was changed by someone else in the meantime. Reload it and make your change again.");
    public static Error Invalid(IReadOnlyDictionary<string, string[]> fields) =>
        new(ErrorKind.Validation, "One or more fields are invalid.", fields);
    public static Error Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] });
}

internal readonly struct Result<T>
{
    private readonly T? _value;

    private Result(T? value, Error? error)
    {
        _value = value;
        Error = error;
    }

    public Error? Error { get; }
    public bool IsSuccess => Error is null;
    public T Value => Error is null ? _value! : throw new InvalidOperationException("The result is a failure.");

    public static implicit operator Result<T>(T value) => new(value, null);
    public static implicit operator Result<T>(Error error) => new(default, error);
}
