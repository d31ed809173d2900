namespace Traject.Web.Common;

/// <summary>Collects field-level errors for a request; shape checks only, business rules live in the domain.</summary>
internal sealed class Validator
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    /// <summary>A page of a list: pages start at 1, and a page holds 1 to <paramref name="maxPageSize"/> items.</summary>
    public void Paging(int page, int pageSize, int maxPageSize)
    {
        if (page < 1)
        {
            Add("page", "Pages start at 1.");
        }

        if (pageSize < 1 || pageSize > maxPageSize)
        {
            Add("pageSize", "Between 1 and {0}.", maxPageSize);
        }
    }

    /// <summary>Adds a message template (English; translated when shown) with its arguments.</summary>
    public void Add(string field, string template, params object[] args)
    {
        var message = args.Length == 0 ? template : Common.Text.Encode(template, args);
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
    }

    /// <summary>Requires text, trims it, bounds its length and rejects control characters.</summary>
    public string Text(string field, string? value, int maxLength, bool required = true, int minLength = 0)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            if (required)
            {
                Add(field, "This field is required.");
            }

            return string.Empty;
        }

        if (trimmed.Length > maxLength)
        {
            Add(field, "At most {0} characters.", maxLength);
        }
        else if (trimmed.Length < minLength)
        {
            Add(field, "At least {0} characters.", minLength);
        }

        if (trimmed.Any(c => char.IsControl(c) && c != '\n' && c != '\r' && c != '\t'))
        {
            Add(field, "Control characters are not allowed.");
        }

        return trimmed;
    }

    public string? OptionalText(string field, string? value, int maxLength)
    {
        var text = Text(field, value, maxLength, required: false);
        return text.Length == 0 ? null : text;
    }

    public T Required<T>(string field, T? value)
        where T : struct
    {
        if (value is null)
        {
            Add(field, "This field is required.");
            return default;
        }

        return value.Value;
    }

    public TEnum Enum<TEnum>(string field, TEnum? value)
        where TEnum : struct, Enum
    {
        if (value is null)
        {
            Add(field, "This field is required.");
            return default;
        }

        if (!System.Enum.IsDefined(value.Value))
        {
            Add(field, "Unknown value.");
        }

        return value.Value;
    }

    public Guid Id(string field, Guid? value)
    {
        if (value is null || value == Guid.Empty)
        {
            Add(field, "This field is required.");
            return Guid.Empty;
        }

        return value.Value;
    }

    public IReadOnlyDictionary<string, string[]> Errors =>
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    public Error ToError() => Error.Invalid(Errors);
}
