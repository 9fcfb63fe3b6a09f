using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;

namespace ScamWatch.Tests.Support;

/// <summary>
/// Converts the EMSCAD research dataset (Kaggle <c>fake_job_postings.csv</c> schema, see the dataset's SOURCE.md)
/// into post records (CONTRACTS.md). Runs at test time into a temp dir: the data itself never enters the repository.
/// </summary>
public static class Emscad
{
    public const string DataFile = "emscad_subset.csv";
    public const string SplitFile = "split.csv";

    /// <summary>The folder the dataset is expected in: beside the repository, never inside it.</summary>
    public static string DefaultDirectory => Path.GetFullPath(Path.Combine(Repo.Root, "..", "shared", "datasets", "emscad"));

    // Appended to the body as "name: value" lines, in BASELINE.md's order, so the text matches the reference's.
    private static readonly string[] MetadataColumns =
        ["location", "department", "salary_range", "employment_type", "required_experience", "required_education", "industry", "function"];

    private static readonly string[] BodyColumns = ["company_profile", "description", "requirements", "benefits"];

    private static readonly string[] RequiredColumns = ["job_id", "title", .. BodyColumns, .. MetadataColumns, "fraudulent"];

    private static readonly JsonWriterOptions JsonOptions = new()
    {
        // Keep curly quotes and accents readable in the JSON Lines; still valid JSON.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Writes one post record per data row whose <c>split.csv</c> entry is <paramref name="split"/>, streaming the
    /// CSV row by row. Returns the number of records and how many are lures.
    /// </summary>
    public static (int Records, int Lures) ToPostRecords(string datasetDir, string split, string outputJsonl)
    {
        var dataPath = Path.Combine(datasetDir, DataFile);
        var splitPath = Path.Combine(datasetDir, SplitFile);
        foreach (var path in new[] { dataPath, splitPath })
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"EMSCAD file missing: {path} (see the dataset's SOURCE.md)", path);
            }
        }

        var wanted = ReadSplit(splitPath, split);
        if (wanted.Count == 0)
        {
            throw new InvalidDataException($"{splitPath} has no rows in split \"{split}\"");
        }

        using var reader = new StreamReader(dataPath, Encoding.UTF8);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        if (!csv.Read())
        {
            throw new InvalidDataException($"{dataPath} is empty");
        }

        csv.ReadHeader();
        var missing = RequiredColumns.Except(csv.HeaderRecord ?? [], StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"{dataPath} lacks columns: {string.Join(", ", missing)}");
        }

        using var output = File.Create(outputJsonl);
        using var json = new Utf8JsonWriter(output, JsonOptions);
        int rowIndex = -1, records = 0, lures = 0;
        while (csv.Read())
        {
            rowIndex++;
            if (!wanted.TryGetValue(rowIndex, out var expectedJobId))
            {
                continue;
            }

            var jobId = Field(csv, "job_id");
            if (jobId != expectedJobId)
            {
                throw new InvalidDataException($"{splitPath}: row_index {rowIndex} names job_id {expectedJobId}, but {DataFile} has {jobId} there");
            }

            var lure = Field(csv, "fraudulent") switch
            {
                "1" => true,
                "0" => false,
                var other => throw new InvalidDataException($"{dataPath}: job_id {jobId} has fraudulent = \"{other}\", expected 0 or 1"),
            };

            json.Reset(output);
            json.WriteStartObject();
            json.WriteString("id", jobId);
            json.WriteString("title", Field(csv, "title"));
            json.WriteString("body", Body(csv));
            json.WriteString("company", "");
            json.WriteString("location", Field(csv, "location"));
            json.WriteString("salary", Field(csv, "salary_range"));
            json.WriteString("employment_type", Field(csv, "employment_type"));
            json.WriteString("label", lure ? "lure" : "legit");
            json.WriteEndObject();
            json.Flush();
            output.WriteByte((byte)'\n');
            records++;
            lures += lure ? 1 : 0;
            wanted.Remove(rowIndex);
        }

        if (wanted.Count > 0)
        {
            throw new InvalidDataException($"{splitPath} names {wanted.Count} row(s) past the end of {DataFile} (first: row_index {wanted.Keys.Min()})");
        }

        return (records, lures);
    }

    /// <summary>row_index → job_id for the rows of one split (a few thousand small entries at most).</summary>
    private static Dictionary<int, string> ReadSplit(string splitPath, string split)
    {
        using var reader = new StreamReader(splitPath, Encoding.UTF8);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var rows = new Dictionary<int, string>();
        while (csv.Read())
        {
            if (csv.GetField("split") == split)
            {
                rows.Add(csv.GetField<int>("row_index"), Field(csv, "job_id"));
            }
        }

        return rows;
    }

    /// <summary>Company profile, description, requirements and benefits as paragraphs, then the metadata as "name: value" lines.</summary>
    private static string Body(CsvReader csv)
    {
        var paragraphs = BodyColumns.Select(c => Field(csv, c)).Where(v => v.Length > 0);
        var metadata = string.Join('\n', MetadataColumns
            .Select(c => (Name: c, Value: Field(csv, c)))
            .Where(f => f.Value.Length > 0)
            .Select(f => $"{f.Name}: {f.Value}"));
        return string.Join("\n\n", metadata.Length > 0 ? paragraphs.Append(metadata) : paragraphs);
    }

    private static string Field(CsvReader csv, string name) => (csv.GetField(name) ?? "").Trim();
}
