using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ScamWatch.Tests.Support.TestSites;

/// <summary>The schema.org JSON-LD nodes of the career site's pages: the JobPosting and the nodes placed around it.</summary>
internal static class JobPostingLd
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions Escaped = new() { WriteIndented = true };

    /// <summary>
    /// The ld+json scripts for the page head and the end of the body, varied by post id: a plain JobPosting object, a
    /// JobPosting inside <c>@graph</c> with Organization and BreadcrumbList, a top-level array, or a WebSite block first
    /// and the JobPosting second. Even ids write Hangul raw, odd ids as \uXXXX escapes (indented).
    /// </summary>
    public static (string Head, string Tail) Scripts(CareerPost p, string baseUrl)
    {
        var options = p.Number % 2 == 0 ? Relaxed : Escaped;
        return (p.Number % 4) switch
        {
            0 => (LdScript(JobPosting(p, baseUrl, withContext: true), options), ""),
            1 => ("", LdScript(new JsonObject
            {
                ["@context"] = "https://schema.org",
                ["@graph"] = new JsonArray(Organization(baseUrl), Breadcrumbs(p, baseUrl, withContext: false), JobPosting(p, baseUrl, withContext: false)),
            }, options)),
            2 => (LdScript(new JsonArray(JobPosting(p, baseUrl, withContext: true), Breadcrumbs(p, baseUrl, withContext: true)), options), ""),
            _ => (LdScript(WebSite(baseUrl), options), LdScript(JobPosting(p, baseUrl, withContext: true), options)),
        };
    }

    private static JsonObject JobPosting(CareerPost p, string baseUrl, bool withContext)
    {
        var o = new JsonObject();
        if (withContext)
        {
            o["@context"] = p.Number % 3 == 0 ? "http://schema.org" : "https://schema.org/";
        }

        o["@type"] = "JobPosting";
        o["title"] = p.Title;
        o["description"] = JsonLdCareerSite.DescriptionHtml(p.Body);
        o["identifier"] = new JsonObject { ["@type"] = "PropertyValue", ["name"] = p.Company, ["value"] = p.Id };
        o["datePosted"] = p.PostedAt;
        o["validThrough"] = "2026-12-31T23:59:59+09:00";
        o["employmentType"] = p.EmploymentType;
        o["hiringOrganization"] = new JsonObject { ["@type"] = "Organization", ["name"] = p.Company, ["sameAs"] = baseUrl + "companies/" + JsonLdCareerSite.Slug(p.Company) };
        var address = new JsonObject { ["@type"] = "PostalAddress" };
        if (p.Locality is not null)
        {
            address["addressLocality"] = p.Locality;
        }

        if (p.Country is not null)
        {
            address["addressCountry"] = p.CountryAsObject ? new JsonObject { ["@type"] = "Country", ["name"] = p.Country } : p.Country;
        }

        o["jobLocation"] = new JsonObject { ["@type"] = "Place", ["address"] = address };
        if (p.SalaryValue is not null || p.SalaryMin is not null)
        {
            var value = new JsonObject { ["@type"] = "QuantitativeValue" };
            if (p.SalaryValue is { } v)
            {
                value["value"] = v;
            }
            else
            {
                value["minValue"] = p.SalaryMin;
                value["maxValue"] = p.SalaryMax;
            }

            value["unitText"] = p.SalaryUnit;
            o["baseSalary"] = new JsonObject { ["@type"] = "MonetaryAmount", ["currency"] = p.Currency, ["value"] = value };
        }

        if (p.ContactEmail is not null || p.ContactPhone is not null || p.ContactUrl is not null)
        {
            var contact = new JsonObject { ["@type"] = "ContactPoint", ["contactType"] = "recruiting" };
            Put(contact, "email", p.ContactEmail);
            Put(contact, "telephone", p.ContactPhone);
            Put(contact, "url", p.ContactUrl);
            o["applicationContact"] = contact;
        }

        o["url"] = baseUrl + "jobs/" + p.Id;
        return o;
    }

    private static JsonObject Organization(string baseUrl) =>
        new() { ["@type"] = "Organization", ["@id"] = baseUrl + "#organization", ["name"] = "커리어웨이", ["url"] = baseUrl, ["logo"] = baseUrl + "img/logo.png" };

    private static JsonObject WebSite(string baseUrl) => new()
    {
        ["@context"] = "https://schema.org",
        ["@type"] = "WebSite",
        ["name"] = "커리어웨이",
        ["url"] = baseUrl,
        ["potentialAction"] = new JsonObject { ["@type"] = "SearchAction", ["target"] = baseUrl + "search?q={search_term_string}", ["query-input"] = "required name=search_term_string" },
    };

    private static JsonObject Breadcrumbs(CareerPost p, string baseUrl, bool withContext)
    {
        var o = new JsonObject();
        if (withContext)
        {
            o["@context"] = "https://schema.org";
        }

        o["@type"] = "BreadcrumbList";
        o["itemListElement"] = new JsonArray(
            new JsonObject { ["@type"] = "ListItem", ["position"] = 1, ["name"] = "홈", ["item"] = baseUrl },
            new JsonObject { ["@type"] = "ListItem", ["position"] = 2, ["name"] = "채용공고", ["item"] = baseUrl + "jobs?page=1" },
            new JsonObject { ["@type"] = "ListItem", ["position"] = 3, ["name"] = p.Title, ["item"] = baseUrl + "jobs/" + p.Id });
        return o;
    }

    private static string LdScript(JsonNode node, JsonSerializerOptions options) =>
        "<script type=\"application/ld+json\">\n" + node.ToJsonString(options) + "\n</script>\n";

    private static void Put(JsonObject o, string key, string? value)
    {
        if (value is not null)
        {
            o[key] = value;
        }
    }
}
