using System.Text.Json;

namespace TokenEconSim.Dashboard.Tests.Support;

/// <summary>The API's error body, <c>{"error": "…"}</c>, read back; anything else is shown as not one.</summary>
internal static class ErrorBody
{
    public static async Task<string> ReadAsync(HttpResponseMessage response) => Of(await response.Content.ReadAsStringAsync());

    public static string Of(string text)
    {
        try
        {
            return JsonDocument.Parse(text).RootElement.GetProperty("error").GetString() ?? $"<null error field: {text}>";
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return $"<no error field: {text}>";
        }
    }
}
