using TokenEconSim.Domain.Parameters;

namespace TokenEconSim.Scenarios.Binding;

/// <summary>"Did you mean …?" for a mistyped key or enum value.</summary>
internal static class Suggestions
{
    /// <summary>
    /// The candidate nearest to <paramref name="input"/> when it is close enough to be a typo:
    /// at most 2 edits (1 for inputs of 3 characters or fewer, where 2 edits reach almost any
    /// short word). The input is also tried lower-cased and snake_cased, so <c>EpochLength</c>
    /// and <c>epochLength</c> find <c>epoch_length</c>. Ties go to the earlier candidate.
    /// </summary>
    public static string? Closest(string input, IEnumerable<string> candidates)
    {
        var forms = new[] { input, input.ToLowerInvariant(), Naming.ToSnakeCase(input) }.Distinct().ToArray();
        var limit = input.Length <= 3 ? 1 : 2;
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = forms.Min(f => Distance(f, candidate));
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= limit ? best : null;
    }

    /// <summary>
    /// Optimal-string-alignment distance: Levenshtein's insertions, deletions and substitutions
    /// plus the transposition of two adjacent characters, the commonest typo (epcohs → epochs).
    /// </summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
