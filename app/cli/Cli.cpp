// SPDX-License-Identifier: MIT
// pianola-cli dispatch, help texts and the small commands (convert, validate).
#include "app/cli/Cli.h"

#include "app/cli/CliArgs.h"
#include "app/cli/CliCommands.h"
#include "app/cli/CliText.h"
#include "engine/FileIo.h"
#include "engine/PlanFile.h"
#include "model/PlanJson.h"

#include <algorithm>
#include <cstring>

namespace pianola::cli {

namespace {
struct Command
{
    const char* name;
    const char* summary;
    const char* usage;
    int (*handler)(const std::vector<std::string>&, const Io&);
};

const Command kCommands[] = {
    {"info", "header, tracks, tempo map and counts of a .mid, plan .json or project",
     "usage: pianola-cli info [--take NAME|ID] FILE...\n"
     "  Prints the SMF header (format, division), each track (name, channels, event counts,\n"
     "  end tick), the tempo map with times, meters, keys, duration and reader warnings.\n"
     "  A project (.pianola) shows its active take, or the take --take names (id or name).\n"
     "  Names and texts from the file are printed with control characters escaped (\\x1B).\n",
     commandInfo},
    {"notes", "one CSV line per note, or totals with --count",
     "usage: pianola-cli notes [--count] [--quiet] FILE...\n"
     "  Prints file,track,channel,key,velocity,start_tick,end_tick for every note, sorted by\n"
     "  start, track, channel and key (notes paired first in, first out per channel and key).\n"
     "  --count   print only 'files N, failed N, notes N'\n"
     "  --quiet   do not print reader warnings on stderr\n"
     "  FILE is a Standard MIDI File (convert plans and projects to .mid first).\n",
     commandNotes},
    {"convert", "convert between .mid, plan .json and .pianola projects",
     "usage: pianola-cli convert IN -o OUT [--format 0|1] [--take NAME|ID]\n"
     "  IN is a .mid, a plan .json or a project (.pianola: its active take, or --take by id or\n"
     "  name); OUT's extension chooses the output (.json = plan JSON, .pianola = a project of\n"
     "  one take, anything else = Standard MIDI File). --format: SMF format 0 or 1 (default 1).\n"
     "  A file is written atomically (complete or untouched); a device or FIFO (/dev/stdout)\n"
     "  is written directly, never replaced.\n",
     commandConvert},
    {"validate", "check a plan .json or a .pianola project; every problem with its JSON path",
     "usage: pianola-cli validate FILE...\n"
     "  FILE is a plan (.json) or a project (.pianola). Prints 'FILE: ok (...)' or every\n"
     "  problem as 'FILE: path: reason' on stderr (exit 1).\n",
     commandValidate},
    {"render", "render a .mid, plan or project to a WAV file with FluidSynth",
     "usage: pianola-cli render IN -o OUT.wav [--soundfont FILE.sf2] [--sample-rate HZ]\n"
     "                         [--max-seconds S] [--take NAME|ID] [--quiet]\n"
     "  Plays IN (.mid, plan .json, or a project's active take or --take) through the same\n"
     "  sequencer and synth as the app, offline, then the reverb and release tail until\n"
     "  silence (at most 10 s), streamed to OUT. Music longer than --max-seconds (default\n"
     "  3600) or than a WAV file holds (4 GiB) is refused before rendering. 16-bit stereo PCM;\n"
     "  identical input gives identical bytes. The SoundFont: --soundfont, else "
     "$PIANOLA_SOUNDFONT, else\n"
     "  /usr/share/sounds/sf2/default-GM.sf2, FluidR3_GM.sf2, TimGM6mb.sf2. Default 44100 Hz.\n",
     commandRender},
    {"ports", "list the MIDI output and input ports (ALSA, JACK)",
     "usage: pianola-cli ports [--api alsa|jack]\n"
     "  Lists every MIDI port per API as 'API out|in INDEX  NAME' ('no MIDI ports' when there\n"
     "  are none; exit 0). APIs that cannot be used (no ALSA sequencer, no JACK server) are\n"
     "  reported on stderr. --api lists one API only.\n",
     commandPorts},
    {"play",
     "play a .mid, plan or project to a MIDI port, or through FluidSynth to the audio device",
     "usage: pianola-cli play FILE [--port NAME | --virtual] [--api alsa|jack] [--clock] [--loop]\n"
     "                        [--soundfont FILE.sf2] [--take NAME|ID]\n"
     "  Plays FILE (a project: its active take or --take) until its end (or forever with\n"
     "  --loop); Ctrl+C, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGUSR1/2 and the other terminating\n"
     "  signals stop it cleanly: every note off, sustain pedal up, CC 123 on every channel.\n"
     "  --port NAME: the first MIDI output port whose name contains NAME (any case),\n"
     "  on --api or any API. --virtual: a virtual output port 'Pianola' to connect to.\n"
     "  --clock: send MIDI clock, Start/Stop/Continue and Song Position Pointer too.\n"
     "  Without --port/--virtual: FluidSynth on the default audio device (exit 1 if there is\n"
     "  none), with --soundfont, $PIANOLA_SOUNDFONT or the system's GM SoundFont.\n",
     commandPlay},
    {"generate",
     "music from words (offline or an LLM): chords, bass, drums, melody; or a variation",
     "usage: pianola-cli generate [--seed N] [--takes N] [--from TAKE.mid|.json] [--plan-out "
     "PLAN.json]\n"
     "                            [--provider offline|openai|anthropic|ollama [--model M]\n"
     "                             [--base-url URL] [--mode brief|notes] [--api-key-env NAME]\n"
     "                             [--timeout SECONDS] [--stall-timeout SECONDS]]\n"
     "                            [--explain] -o OUT.mid \"PROMPT\"\n"
     "  Turns the prompt into a brief (key, tempo, meter, bars, genre, mood, instruments, feel,\n"
     "  drum directives) and writes music for it, without network or API key, e.g.\n"
     "    pianola-cli generate -o out.mid \"8-bar lo-fi chord progression in Am at 78 BPM, jazzy "
     "9ths\"\n"
     "  --takes N   N candidates of varying complexity: OUT-1.mid .. OUT-N.mid (default 1, or\n"
     "              as many as the prompt asks for: \"3 versions\")\n"
     "  --seed N    the same seed gives the same music (default: derived from the prompt)\n"
     "  --from F    a variation of the take in F; the prompt says what to change: darker,\n"
     "              brighter, harder/softer [kick|snare|hats|drums|bass|chords|melody], busier,\n"
     "              simpler, more/less swing, more/less humanize, quantize, add a fill at bar M\n"
     "              (\"a 2-bar fill at bar 7\"), transpose up/down N (or \"to E minor\"), 100 "
     "bpm,\n"
     "              faster/slower, double/half time, make it N bars, a B section\n"
     "  --plan-out P  also write the plan JSON (numbered like OUT with --takes)\n"
     "  --explain   print what was understood, what was not, the brief, and each take's\n"
     "              checklist (what was asked, measured on its notes, as `check` prints it)\n"
     "  Offline candidates failing a check of their own words are made again with another\n"
     "  seed (3 makings at most; the best is kept) and the takes are written best first.\n"
     "  --provider  offline (default) or an LLM: openai (any OpenAI-compatible server: OpenAI,\n"
     "              Ollama's /v1, LM Studio, llama.cpp, vLLM, OpenRouter), anthropic, ollama\n"
     "  --model M   the provider's model (defaults: gpt-4o-mini, claude-sonnet-4-5, llama3.2)\n"
     "  --base-url URL  e.g. http://localhost:1234/v1 (LM Studio), http://localhost:11434 "
     "(Ollama)\n"
     "  --mode      brief (default): the LLM fills the generator's brief; notes: it writes the\n"
     "              notes. Invalid replies are sent back with their problems twice, then the\n"
     "              offline generator takes over (said on stderr)\n"
     "  --api-key-env NAME  read the key from NAME (default OPENAI_API_KEY, ANTHROPIC_API_KEY)\n"
     "  --timeout SECONDS   the whole reply, retries included (default 180, ollama 600)\n"
     "  --stall-timeout SECONDS  give up when the server sends nothing this long (default 30)\n"
     "  Exit 1 when the prompt asks for something impossible (0 bars, 900 bpm), a variation\n"
     "  instruction is not understood or the provider fails; outputs are written atomically.\n"
     "  Words of the prompt may start with '-' (\"-120 bpm\"); '--' ends the options.\n",
     commandGenerate},
    {"analyze", "key, chords, density, feel, drums and a narrative of .mid, plan or project files",
     "usage: pianola-cli analyze [--json] [--jobs N] [--take NAME|ID] [--quiet] FILE...\n"
     "  Analyses each FILE (.mid, plan .json, or a project's active take or --take): duration\n"
     "  and timing from the tempo map, note counts and lengths, density per bar, polyphony,\n"
     "  articulation, inter-onset intervals, pitch classes, velocities, ranges, controllers and\n"
     "  pitch bend, the key (with confidence, runner-ups and key changes), chords with their\n"
     "  times, swing, timing, groove, drums, a short narrative and suggestions. Files are analysed "
     "in parallel; output follows the\n"
     "  argument order.\n"
     "  --json    one JSON object per file and line (resources/schemas/analysis.schema.json)\n"
     "  --jobs N  threads (default: one per core)\n"
     "  --quiet   do not print reader warnings on stderr\n"
     "  A file that cannot be read is reported on stderr (exit 1); the others are analysed.\n",
     commandAnalyze},
    {"check", "does a .mid or plan do what the words asked? each item measured on its notes",
     "usage: pianola-cli check [--json] [--parent PARENT.mid] TAKE \"PROMPT\"\n"
     "  Reads the prompt as `generate` does and checks what it names against TAKE's notes, each\n"
     "  item measured by the analysis: tempo, meter, bars, key or mode, parts and instruments,\n"
     "  chord qualities (share of 7th/9th chords), swing of the swung subdivision, humanize or\n"
     "  exact quantization, loudness words (mean velocity), snare on 2 and 4, four on the\n"
     "  floor, bass on the roots or locked to the kick, fills and triplet rolls in their bars.\n"
     "  --parent P  TAKE is a change of P: also what changed and what stayed identical (and a\n"
     "              fill must add drum hits to P's bar)\n"
     "  --json      {\"checks\": [{\"name\", \"asked\", \"measured\", \"pass\"}, ...]}\n"
     "  Exit 0 whether or not the checks pass; 1 when a file cannot be read; 2 usage.\n",
     commandCheck},
    {"chords", "the chord track of a .mid, plan or project (bar.beat, symbol), or detected",
     "usage: pianola-cli chords [--detect] [--json] [--take NAME|ID] [--quiet] FILE\n"
     "  Prints FILE's chord track, one chord a line as 'BAR.BEAT  SYMBOL' (\"3.2+240\" off the\n"
     "  beat), spelled for the key (the file's key signature, else the key of its notes). A\n"
     "  file without a chord track (no chord markers, no plan chords) gets the chords the\n"
     "  analysis recognises in its notes; --detect always detects them.\n"
     "  --json   {\"file\", \"source\": \"file\"|\"detected\", \"key\", \"chords\": [{\"at\", "
     "\"start\",\n"
     "           \"length\", \"symbol\", \"root\", \"quality\", \"bass\", \"tones\"}]}\n",
     commandChords},
    {"refit", "new chords for a take: the pitched parts follow, rhythm and drums stay",
     "usage: pianola-cli refit IN --chords \"Am7 | Fmaj7 | C G | E7\" -o OUT [--take NAME|ID] "
     "[--quiet]\n"
     "  Replaces IN's chord track: one bar per '|', the chords of a bar sharing it equally,\n"
     "  N.C. for none, repeated until the take ends. Then the pitched parts follow it: chord\n"
     "  parts are re-voiced with the least movement, bass notes go to the new roots (or the\n"
     "  slash bass) and keep their function, melody and arpeggio notes move to the nearest\n"
     "  chord tone (short off-beat notes may stay on a scale tone). Onsets, lengths and\n"
     "  velocities stay; drums, locked tracks and locked notes are not changed. OUT (.mid,\n"
     "  .json or .pianola) holds the chord track (in a .mid: markers in the conductor track).\n"
     "  Symbols: C Cm C7 Cmaj7 Cm7 C6 C6/9 C9 Cm11 C13 Cdim Cdim7 Cm7b5 Caug Csus2 Csus4\n"
     "  Cadd9 C7b9 C7#9 C7#11 C7b13 C5 Bb/D ... A bad symbol is exit 1 naming the bar, the\n"
     "  symbol and the character.\n",
     commandRefit},
    {"harmonize", "chord tracks for a melody, each with a simple chord part",
     "usage: pianola-cli harmonize IN [--track N] [--takes N] -o OUT [--take NAME|ID] [--quiet]\n"
     "  Proposes chord tracks for the melody (the plan's track N, from 1, in the order\n"
     "  `convert IN -o PLAN.json` writes them; default: the highest pitched track) from the\n"
     "  key's chords, plainest first: triads,\n"
     "  sevenths, ninths, then a chord per bar. Each take is IN with that chord track and a\n"
     "  'Harmony' track playing it: OUT-1 .. OUT-N (--takes, default 4, at most 16).\n"
     "  Exit 1 when IN has no pitched melody track.\n",
     commandHarmonize},
    {"fill", "chords for a gap between fixed chords, the parts following",
     "usage: pianola-cli fill IN --bars FIRST-LAST [--between \"C G\"] [--takes N] -o OUT\n"
     "       [--take NAME|ID] [--quiet]\n"
     "  Proposes chords for bars FIRST to LAST (from 1) that lead from the chord before them\n"
     "  to the chord after (with --between, those two chords are set first), diatonic to the\n"
     "  key, by functional motion (C | Am F | G, C | Dm7 G/B | C); the chords outside stay.\n"
     "  IN without a chord track gets the detected one. The pitched parts that follow the\n"
     "  chord track (every pitched part of a .mid) play the new chords where they changed;\n"
     "  drums and locked notes stay. Candidates, plainest first: OUT-1 .. OUT-N (--takes,\n"
     "  default 4, at most 16). Exit 1 for a bar IN does not have or a bad symbol.\n",
     commandFill},
};

const char* kVersion = "pianola-cli 0.1.0";

void printHelp(const Io& io)
{
    std::fprintf(io.out, "usage: pianola-cli COMMAND [OPTIONS] ARGS...\n\n"
                         "Pianola's headless tools (exit 0 ok, 1 bad input, 2 usage error).\n\n"
                         "commands:\n");
    for (const Command& c : kCommands)
        std::fprintf(io.out, "  %-10s %s\n", c.name, c.summary);
    std::fprintf(io.out, "\nRun 'pianola-cli COMMAND --help' for a command's options.\n");
}
} // namespace

static bool wantsHelp(const std::vector<std::string>& args)
{
    for (const std::string& a : args) {
        if (a == "--") return false;
        if (a == "--help" || a == "-h") return true;
    }
    return false;
}

int usageError(const Io& io, const std::string& command, const std::string& message)
{
    std::fprintf(io.err, "pianola-cli %s: %s\nRun 'pianola-cli %s --help' for usage.\n",
                 command.c_str(), printable(message).c_str(), command.c_str());
    return kUsage;
}

int run(const std::vector<std::string>& args, const Io& io)
{
    if (args.empty()) {
        printHelp(io);
        return kUsage;
    }
    const std::string& name = args.front();
    if (name == "--help" || name == "-h" || name == "help") {
        printHelp(io);
        return kOk;
    }
    if (name == "--version") {
        std::fprintf(io.out, "%s\n", kVersion);
        return kOk;
    }
    for (const Command& c : kCommands) {
        if (name != c.name) continue;
        const std::vector<std::string> rest(args.begin() + 1, args.end());
        if (wantsHelp(rest)) {
            std::fputs(c.usage, io.out);
            return kOk;
        }
        return c.handler(rest, io);
    }
    std::fprintf(io.err, "pianola-cli: unknown command '%s'\n", printable(name).c_str());
    printHelp(Io{io.err, io.err});
    return kUsage;
}

std::optional<engine::LoadedPlan> loadInput(const Io& io, const std::string& path,
                                            const CliArgs& parsed, bool showWarnings)
{
    engine::LoadOptions options;
    options.take = parsed.value("--take").value_or("");
    auto loaded = engine::loadPlanFile(path, options);
    if (!loaded) {
        printError(io.err, loaded.error().message);
        return std::nullopt;
    }
    if (showWarnings)
        for (const std::string& w : loaded->warnings)
            printWarning(io.err, path, w);
    return std::move(*loaded);
}

int commandConvert(const std::vector<std::string>& args, const Io& io)
{
    CliArgs parsed({}, {"-o", "--output", "--format", "--take"});
    if (!parsed.parse(args)) return usageError(io, "convert", parsed.error());
    const auto output = parsed.value("-o") ? parsed.value("-o") : parsed.value("--output");
    if (parsed.positionals().size() != 1 || !output)
        return usageError(io, "convert", "needs one input file and -o OUT");
    const std::string format = parsed.value("--format").value_or("1");
    if (format != "0" && format != "1")
        return usageError(io, "convert", "--format must be 0 or 1, not '" + format + "'");
    const std::string& input = parsed.positionals().front();
    auto loaded = loadInput(io, input, parsed, true);
    if (!loaded) return kBadInput;
    std::vector<std::string> warnings;
    if (auto saved = engine::savePlanFile(*output, loaded->plan, format == "0" ? 0 : 1, &warnings);
        !saved) {
        printError(io.err, saved.error().message);
        return kBadInput;
    }
    for (const std::string& w : warnings)
        printWarning(io.err, *output, w);
    return kOk;
}

namespace {
void printLines(const Io& io, const std::string& path, std::string_view lines)
{
    while (!lines.empty()) { // every problem, one per line
        const std::size_t nl = std::min(lines.find('\n'), lines.size());
        std::fprintf(io.err, "%s: %s\n", printable(path).c_str(),
                     printable(lines.substr(0, nl)).c_str());
        lines.remove_prefix(std::min(nl + 1, lines.size()));
    }
}

bool isProjectPath(const std::string& path)
{
    return path.size() >= 8 && path.compare(path.size() - 8, 8, ".pianola") == 0;
}

// Validates one plan (.json) or project (.pianola); prints the verdict; returns success.
bool validateOne(const Io& io, const std::string& path, std::string_view text)
{
    const bool project = isProjectPath(path);
    if (project) {
        auto result = model::projectFromJsonWithReport(text);
        if (!result) {
            printLines(io, path, result.error().message);
            return false;
        }
        for (const auto& w : result->report.warnings)
            printWarning(io.err, path, w.toString());
        std::fprintf(io.out, "%s: ok (project, %zu takes)\n", printable(path).c_str(),
                     result->project.takes.size());
        return true;
    }
    auto result = model::planFromJson(text);
    if (!result) {
        printLines(io, path, result.error().message);
        return false;
    }
    for (const auto& w : result->report.warnings)
        printWarning(io.err, path, w.toString());
    std::fprintf(io.out, "%s: ok (%zu tracks, %lld notes)\n", printable(path).c_str(),
                 result->plan.tracks.size(), static_cast<long long>(result->plan.noteCount()));
    return true;
}
} // namespace

int commandValidate(const std::vector<std::string>& args, const Io& io)
{
    CliArgs parsed({}, {});
    if (!parsed.parse(args)) return usageError(io, "validate", parsed.error());
    if (parsed.positionals().empty())
        return usageError(io, "validate", "needs at least one PLAN.json or PROJECT.pianola");
    int status = kOk;
    for (const std::string& path : parsed.positionals()) {
        auto bytes = engine::readFile(path, model::kMaxJsonBytes);
        if (!bytes) {
            printError(io.err, bytes.error().message);
            status = kBadInput;
            continue;
        }
        const std::string_view text(reinterpret_cast<const char*>(bytes->data()), bytes->size());
        if (!validateOne(io, path, text)) status = kBadInput;
    }
    return status;
}

} // namespace pianola::cli
