// SPDX-License-Identifier: MIT
// Internal to variations: the operations on a plan (VariationOps.cpp) and the instruction
// reader that calls them (Variation.cpp).
#pragma once

#include "engine/generate/Brief.h"
#include "engine/generate/PlanInfo.h"
#include "engine/generate/Random.h"
#include "engine/generate/Variation.h"

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace pianola::engine::generate {

using Words = std::vector<std::string>;

// Which notes an instruction aims at: tracks of some roles, and on drums maybe some keys only.
struct Target
{
    std::string name = "everything";
    std::vector<Role> roles;   ///< empty: every track
    std::vector<int> drumKeys; ///< empty: every drum note
};

class Varier
{
public:
    /// `index`: the candidate (0..3), which reads what the words leave open another way (how
    /// much harder, which darker scale, how much swing); 0 is the plain reading.
    Varier(const model::Plan& plan, std::uint64_t seed, int index = 0)
        : m_plan(plan), m_rng(seed), m_seed(seed), m_index(index % 4)
    {}
    Result<VariationResult> run(std::string_view instruction);

private:
    bool step(const Words& w, std::size_t& i);
    bool readNegation(const Words& w, std::size_t& i);
    std::optional<Target> targetAfter(const Words& w, std::size_t& j) const;
    void scoped(const Words& w, std::size_t& i, const std::function<void()>& change);
    /// A track the change being made is for: the parts it names (m_scope), else every part
    /// not kept.
    bool inScope(std::size_t track) const
    {
        return m_scope && !m_scope->roles.empty() ? roleMatches(track, *m_scope) : !kept(track);
    }
    /// " bass" (or " the bass", `article`) when the change names parts, else "".
    std::string scopeName(bool article = false) const
    {
        return m_scope ? (article ? " the " : " ") + m_scope->name : std::string();
    }
    bool readColour(const Words& w, std::size_t& i);
    bool readFeel(const Words& w, std::size_t& i);
    bool readFill(const Words& w, std::size_t& i);
    bool readTranspose(const Words& w, std::size_t& i);
    bool readTempoAndForm(const Words& w, std::size_t& i);
    PlanInfo info() const { return inferPlanInfo(m_plan); }
    bool roleMatches(std::size_t track, const Target& t) const;
    /// A track the instruction asked to keep ("keep the bass", "same drums"): changes aimed at
    /// everything pass it by; a change that names it ("but harder kick") still applies.
    bool kept(std::size_t track) const;
    std::vector<bool> readKeeps(const Words& w);
    void forNotes(const Target& target, const std::function<void(model::Note&)>& f);
    void mapTicks(const std::function<model::Tick(model::Tick)>& f, bool keepLength);

    void mapChords(const std::function<int(int)>& f);
    void transpose(int semitones);
    void transposeTo(int tonic, std::optional<bool> minor);
    /// Darker or brighter; `option` (0..3) picks the scale steps moved and whether the pitched
    /// parts also move an octave (0: the parallel mode, or phrygian/lydian).
    void shiftMode(bool darker, int option = 0);
    void shiftRegister(int semitones);
    double degree() const; ///< how far an open amount goes for this candidate (1 for index 0)
    void velocity(const Target& target, bool harder);
    void busier();
    void simpler();
    void swing(double delta);
    void humanizeMore();
    void quantize(double strength);
    void fill(int bars, int atBar);
    void tempo(double bpm);
    void meter(int numerator, int denominator);
    void doubleTime(bool doubled);
    void setBars(int bars);
    void sectionB();
    /// False, and the reason said in the changes, when an operation that multiplies notes would
    /// take the plan from `now` past `projected` notes over the budget (kMaxVariationNotes, or
    /// the plan's own size if it was already bigger): "double time" typed twelve times over
    /// 128 bars must not freeze the app or exhaust memory.
    bool withinBudget(std::int64_t projected, const std::string& what);
    /// An operation not done, and why, said once however often the line asks for it.
    void refuse(const std::string& why)
    {
        if (std::find(m_refused.begin(), m_refused.end(), why) == m_refused.end())
            m_refused.push_back(why);
    }

    model::Plan m_plan;
    std::int64_t m_budget = 0;          ///< set in run(): max(kMaxVariationNotes, the plan's notes)
    std::vector<std::string> m_refused; ///< operations not done, and why
    Rng m_rng;
    std::uint64_t m_seed;
    int m_index = 0;
    VariationResult m_result;
    std::optional<Target> m_lastTarget;
    std::vector<Role> m_keep;
    bool m_keepsAllBut = false;  ///< "same drums but ...": the keeps are the roles not named
    bool m_wholeTakeKey = false; ///< a key word moved the kept roles too
    bool m_keptNamed = false;    ///< a change named a kept track ("same drums but harder kick")
    int m_fillBars = 1;          ///< length of the fill being read ("a 2 bar fill")
    std::vector<std::string> m_asked; ///< the changes read so far, as words: "busier", "darker"
    std::optional<Target> m_pending;  ///< parts named for the next change ("bass up an octave")
    bool m_targetJustRead = false;    ///< the step just read was a part's name
    std::optional<Target> m_scope;    ///< the parts the change being made is for
};

} // namespace pianola::engine::generate
