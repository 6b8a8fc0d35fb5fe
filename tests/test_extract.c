/* test_extract.c - one test per construction, on sentences written for this file.
 *
 * Loads the shipped data/lexicon (RELNET_SOURCE_DIR) so the tests check the
 * knowledge relnet ships; skips when the source tree is not found. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "relnet/error.h"
#include "relnet/extract.h"
#include "relnet/lexicon.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct rn_lexicon *lex;
static char out[8192];
static int show_types; /* set by a test that checks the target's type */

static int collect(void *ctx, const struct rn_record *r, struct rn_err *err)
{
    (void)ctx;
    (void)err;
    char line[512];
    snprintf(line, sizeof line, "%s[%s] %s %s[%s]%s%s%s %s|", r->source,
             r->source_affiliation ? r->source_affiliation : "", r->relation, r->target,
             r->target_affiliation ? r->target_affiliation : "", show_types ? "{" : "",
             show_types ? r->target_type : "", show_types ? "}" : "", rn_polarity_name(r->polarity));
    strncat(out, line, sizeof out - strlen(out) - 1);
    return RN_OK;
}

/* Run the extractor on sentences (one string each) and return the records as
   "source[aff] relation target[aff] polarity|..." in order. */
static FILE *explain_to; /* set by a test that reads the explanation */

static const char *run(const char *const *sents, size_t n)
{
    char text[4096] = "";
    size_t starts[32], ends[32];
    for (size_t i = 0; i < n; i++) {
        starts[i] = strlen(text);
        strcat(text, sents[i]);
        ends[i] = strlen(text);
        strcat(text, "\n");
    }
    out[0] = '\0';
    struct rn_extractor *x = NULL;
    struct rn_err err = RN_ERR_INIT;
    assert_int_equal(rn_extractor_new(lex, &x, &err), RN_OK);
    rn_extractor_set_explain(x, explain_to);
    struct rn_extract_doc doc = { text, strlen(text), starts, ends, n, "t", NULL, NULL };
    struct rn_sink sink = { collect, NULL };
    assert_int_equal(rn_extract_doc(x, &doc, &sink, &err), RN_OK);
    rn_extractor_free(x);
    return out;
}

#define RUN(...)                                                                   \
    run((const char *const[]){ __VA_ARGS__ },                                      \
        sizeof((const char *const[]){ __VA_ARGS__ }) / sizeof(const char *))

static int setup(void **state)
{
    (void)state;
    const char *src = getenv("RELNET_SOURCE_DIR");
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/data/lexicon", src ? src : ".");
    struct rn_err err = RN_ERR_INIT;
    if (rn_lexicon_load(dir, &lex, &err) != RN_OK) {
        fprintf(stderr, "skipping: %s\n", err.msg);
        lex = NULL;
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    rn_lexicon_free(lex);
    return 0;
}

#define NEED_LEX()      \
    do {                \
        if (!lex)       \
            skip();     \
    } while (0)

static int keep_evidence(void *ctx, const struct rn_record *r, struct rn_err *err)
{
    (void)err;
    snprintf(ctx, 256, "%s", r->evidence);
    return RN_OK;
}

/* A record's evidence is its sentence on one line: each run of spaces,
   tabs and line breaks one space, none at the ends, wherever the runs
   fall (the copy goes 8 bytes at a step between them). */
static void test_evidence_on_one_line(void **state)
{
    (void)state;
    NEED_LEX();
    for (int k = 0; k < 12; k++) {
        char text[256], got[256] = "";
        int n = snprintf(text, sizeof text, "%.*s Norway \t banned\n\nHuawei%.*s phones  last year. \n",
                         k, "            ", k % 5, "\r\r\r\r\r");
        size_t starts[1] = { 0 }, ends[1] = { (size_t)n };
        struct rn_extractor *x = NULL;
        struct rn_err err = RN_ERR_INIT;
        assert_int_equal(rn_extractor_new(lex, &x, &err), RN_OK);
        struct rn_extract_doc doc = { text, (size_t)n, starts, ends, 1, "t", NULL, NULL };
        struct rn_sink sink = { keep_evidence, got };
        assert_int_equal(rn_extract_doc(x, &doc, &sink, &err), RN_OK);
        rn_extractor_free(x);
        assert_string_equal(got, "Norway banned Huawei phones last year.");
    }
}

static void test_active(void **state)
{
    (void)state;
    NEED_LEX();
    assert_string_equal(RUN("Norway banned Huawei last year."),
                        "Norway[] bans Huawei[] asserted|");
    assert_string_equal(RUN("Japan has accused Russia of spying on its fishing fleet."),
                        "Japan[] accuses Russia[] asserted|");
}

static void test_passive_agent_and_location(void **state)
{
    (void)state;
    NEED_LEX();
    assert_string_equal(RUN("The Oslo Accord was signed by Norway and Sweden."),
                        "Norway[] signs Oslo Accord[] asserted|Sweden[] signs Oslo Accord[] asserted|");
    assert_string_equal(RUN("WeChat has been banned in Canada since March."),
                        "Canada[] bans WeChat[] asserted|");
}

static void test_nominal(void **state)
{
    (void)state;
    NEED_LEX();
    assert_string_equal(RUN("Kenya's ban on TikTok surprised users."),
                        "Kenya[] bans TikTok[] asserted|");
    assert_string_equal(RUN("The UK ban on Huawei starts next year."),
                        "United Kingdom[] bans Huawei[] asserted|");
    assert_string_equal(RUN("Brazil imposed a ban on Telegram on Friday."),
                        "Brazil[] bans Telegram[] asserted|");
}

/* A time phrase between a verb and its object or nominal trigger is
   skipped; nouns of dealing (cues class deal) lead to what is dealt with. */
static void test_time_phrases_and_nouns_of_dealing(void **state)
{
    (void)state;
    NEED_LEX();
    assert_string_equal(RUN("Peru announced Thursday a ban on Quillmail."),
                        "Peru[] bans Quillmail[] asserted|");
    assert_string_equal(RUN("Chilean officials imposed last week a ban on Quillmail."),
                        "Chile[] bans Quillmail[] asserted|");
    assert_string_equal(RUN("Iceland forbade the purchase of Quillmail routers."),
                        "Iceland[] bans Quillmail[] asserted|");
    assert_string_equal(RUN("Iceland cut access for Quillmail."), "");
    assert_string_equal(RUN("Iceland blocked access for Quillmail."),
                        "Iceland[] bans Quillmail[] asserted|");
}

/* Triggers widened in relations.tsv: sanctions (verb and noun), embargo,
   lawsuits; "the council" refers to the council named before. */
static void test_sanctions_lawsuits_and_bodies(void **state)
{
    (void)state;
    NEED_LEX();
    assert_string_equal(RUN("Peru sanctioned Quillmail on Tuesday."),
                        "Peru[] bans Quillmail[] asserted|");
    assert_string_equal(RUN("Peru slapped sanctions on Quillmail."),
                        "Peru[] bans Quillmail[] asserted|");
    assert_string_equal(RUN("Quillmail sued Brightwave over a patent."),
                        "Quillmail[] accuses Brightwave[] asserted|");
    assert_string_equal(RUN("The Nordic Council met in Oslo.",
                            "The council voted to ban Quillmail."),
                        "Nordic Council[] bans Quillmail[] asserted|");
}

/* "blame X on Y" reaches "on" over the object's own phrases; "among the
   <group> signing Y were A and B" puts the subject after the verb. */
static void test_blame_over_long_objects_and_among_groups(void **state)
{
    (void)state;
    NEED_LEX();
    assert_string_equal(RUN("Finland blamed the outage at the port of Kotka on Brightwave."),
                        "Finland[] accuses Brightwave[] asserted|");
    assert_string_equal(RUN("Among the nations signing the Tallinn Pledge were Peru and Chile."),
                        "Peru[] signs Tallinn Pledge[] asserted|Chile[] signs Tallinn Pledge[] asserted|");
}

/* Lists after a plural head: "such as" ends the head's phrase, a group named
   by nationality gives way to the members after a colon or dash, and three
   or more names up to the sentence's end need no conjunction. */
static void test_lists_after_heads(void **state)
{
    (void)state;
    NEED_LEX();
    assert_string_equal(RUN("Peru blocked messaging apps such as Quillmail and Brightwave."),
                        "Peru[] bans Quillmail[] asserted|Peru[] bans Brightwave[] asserted|");
    assert_string_equal(RUN("Peru blocked Chilean outlets: Quillmail, Brightwave and Zentara."),
                        "Peru[] bans Quillmail[] asserted|Peru[] bans Brightwave[] asserted|"
                        "Peru[] bans Zentara[] asserted|");
    assert_string_equal(RUN("Peru blocked news outlets - Quillmail, Brightwave, Zentara."),
                        "Peru[] bans Quillmail[] asserted|Peru[] bans Brightwave[] asserted|"
                        "Peru[] bans Zentara[] asserted|");
}

static void test_first_person_is_the_speaker(void **state)
{
    (void)state;
    NEED_LEX();
    /* "we" and "I" are never actors of their own */
    assert_string_equal(RUN("We will ban Quillmail."), "");
    assert_string_equal(RUN("I propose the Lima Pact."), "");
    /* in reported speech they are the speaker */
    assert_string_equal(RUN("\"We will ban Quillmail,\" Ola Berg said."),
                        "Ola Berg[] bans Quillmail[] asserted|");
    assert_string_equal(RUN("Ola Berg said: \"We will ban Quillmail.\""),
                        "Ola Berg[] bans Quillmail[] asserted|");
    /* "US" in capitals is still the United States */
    assert_string_equal(RUN("The US banned Quillmail."), "United States[] bans Quillmail[] asserted|");
}

static void test_lists_referred_back_to(void **state)
{
    (void)state;
    NEED_LEX();
    /* "the countries", "they", "them": every member of the latest list */
    assert_string_equal(RUN("Chile, Peru and Mexico met in Lima on Monday.",
                            "The countries banned Quillmail."),
                        "Chile[] bans Quillmail[] asserted|Peru[] bans Quillmail[] asserted|"
                        "Mexico[] bans Quillmail[] asserted|");
    assert_string_equal(RUN("Chile and Peru met in Lima.", "They banned Quillmail."),
                        "Chile[] bans Quillmail[] asserted|Peru[] bans Quillmail[] asserted|");
    assert_string_equal(RUN("Peru blocked Quillmail and Brightwave.",
                            "It accused them of spying."),
                        "Peru[] bans Quillmail[] asserted|Peru[] bans Brightwave[] asserted|"
                        "Peru[] accuses Quillmail[] asserted|Peru[] accuses Brightwave[] asserted|");
    /* a number must agree with the list */
    assert_string_equal(RUN("Chile and Peru met.", "The 3 countries banned Quillmail."), "");
    /* a description that names its kind reaches further back than "they" */
    assert_string_equal(RUN("Chile and Peru cut ties with Bolivia.", "Talks went on.",
                            "Rain fell.", "Lunch came.", "The countries banned Quillmail."),
                        "Chile[] bans Quillmail[] asserted|Peru[] bans Quillmail[] asserted|");
    /* a list three sentences back is forgotten: "they" falls back to the
       latest single entity */
    assert_string_equal(RUN("Chile and Peru met.", "Talks went on.", "Rain fell.", "Lunch came.",
                            "They banned Quillmail."),
                        "Peru[] bans Quillmail[] asserted|");
}

static void test_documents_act_for_their_signer(void **state)
{
    (void)state;
    NEED_LEX();
    /* what a document does, its signer does; "a decree" is a new document */
    assert_string_equal(RUN("Ola Berg signed a decree on Monday.", "The decree bans Quillmail."),
                        "Ola Berg[] signs decree[] asserted|Ola Berg[] bans Quillmail[] asserted|");
    assert_string_equal(RUN("Ola Berg signed the Lima Accord.", "It banned Quillmail."),
                        "Ola Berg[] signs Lima Accord[] asserted|Ola Berg[] bans Quillmail[] asserted|");
    /* only proposed: hedged; vetoed: nobody's */
    assert_string_equal(RUN("Ola Berg proposed a bill on Monday.", "The bill bans Quillmail."),
                        "Ola Berg[] proposes bill[] asserted|Ola Berg[] bans Quillmail[] hedged|");
    assert_string_equal(RUN("Ola Berg vetoed a bill on Monday.", "The bill bans Quillmail."),
                        "Ola Berg[] signs bill[] negated|");
    /* a document nobody signed acts for no one */
    assert_string_equal(RUN("The Lima Accord bans Quillmail."), "");
}

static void test_light_verbs_with_a_polarity(void **state)
{
    (void)state;
    NEED_LEX();
    assert_string_equal(RUN("Ola Berg proposed a ban on Quillmail."),
                        "Ola Berg[] bans Quillmail[] hedged|");
    assert_string_equal(RUN("Peru threatened sanctions against Quillmail."),
                        "Peru[] bans Quillmail[] hedged|");
    assert_string_equal(RUN("Peru imposed a ban on Quillmail."), "Peru[] bans Quillmail[] asserted|");
    /* "Last Wednesday" is a time, not a name */
    assert_string_equal(RUN("Last Wednesday Peru banned Quillmail."),
                        "Peru[] bans Quillmail[] asserted|");
}

static void test_wrongs_in_reported_speech(void **state)
{
    (void)state;
    NEED_LEX();
    /* a speaker who says someone did a wrong accuses them */
    assert_string_equal(RUN("Ola Berg said Chile had hacked the grid."),
                        "Ola Berg[] accuses Chile[] asserted|");
    assert_string_equal(RUN("Chile tampered with the samples, Ola Berg said."),
                        "Ola Berg[] accuses Chile[] asserted|");
    assert_string_equal(RUN("Peru's foreign ministry said that Chile may have stolen the data."),
                        "Peruvian Foreign Ministry[Peru] accuses Chile[] hedged|");
    /* no speaker, a denied wrong, a promise, a noun: no accusation */
    assert_string_equal(RUN("Chile hacked the grid."), "");
    assert_string_equal(RUN("Ola Berg said Chile had not hacked the grid."), "");
    assert_string_equal(RUN("Ola Berg said Chile had committed to the pact."), "");
    assert_string_equal(RUN("Ola Berg said the grid hack was over."), "");
}

static void test_hyphenated_code_names_and_member_lists(void **state)
{
    (void)state;
    NEED_LEX();
    assert_string_equal(RUN("Peru blamed the outage on its grid on Storm-0917."),
                        "Peru[] accuses Storm-0917[] asserted|");
    assert_string_equal(RUN("Twelve countries signed the Lima Pact on Monday.",
                            "They are Chile, Peru and Mexico."),
                        "Chile[] signs Lima Pact[] asserted|Peru[] signs Lima Pact[] asserted|"
                        "Mexico[] signs Lima Pact[] asserted|");
}

static void test_descriptive_targets_with_dates(void **state)
{
    (void)state;
    NEED_LEX();
    /* a definite description of two or more words is a target; a date
       after its determiner belongs to it */
    assert_string_equal(RUN("Peru banned the annual parade."), "Peru[] bans annual parade[] asserted|");
    assert_string_equal(RUN("Peru banned the June 9 vigil."), "Peru[] bans June 9 vigil[] asserted|");
    /* a bare date is no target, a bare definite noun refers back */
    assert_string_equal(RUN("Peru announced the ban on Monday."), "");
}

static void test_the_government_is_the_state_that_acted(void **state)
{
    (void)state;
    NEED_LEX();
    /* not the state named last ("Chile"), but the one that acted, also past
       a time phrase after its name */
    assert_string_equal(RUN("Peru on Monday banned Quillmail.", "The move angered Chile and Bolivia.",
                            "The government accused Quillmail of spying."),
                        "Peru[] bans Quillmail[] asserted|Peru[] accuses Quillmail[] asserted|");
    /* with no state acting, the latest state named */
    assert_string_equal(RUN("Talks with Chile failed.", "The government banned Quillmail."),
                        "Chile[] bans Quillmail[] asserted|");
}

static void test_banned_in_places_listed_after_a_count(void **state)
{
    (void)state;
    NEED_LEX();
    /* the places named after "several countries, including" ban; a
       region the lexicon does not know is a place too */
    assert_string_equal(RUN("Quillmail has been banned in several regions including Arlonia, "
                            "Chile and Beltra Province."),
                        "Arlonia[] bans Quillmail[] asserted|Chile[] bans Quillmail[] asserted|"
                        "Beltra Province[] bans Quillmail[] asserted|");
    /* a count alone names no place */
    assert_string_equal(RUN("Quillmail has been banned in 12 countries."), "");
}

static void test_ranked_subjects(void **state)
{
    (void)state;
    NEED_LEX();
    /* "became the latest/second/only X to V": the subject did V */
    assert_string_equal(RUN("Peru became the latest country to sign the Lima Pact."),
                        "Peru[] signs Lima Pact[] asserted|");
    assert_string_equal(RUN("Chile becomes the second state to ban Quillmail."),
                        "Chile[] bans Quillmail[] asserted|");
}

static void test_names_with_lowercase_heads(void **state)
{
    (void)state;
    NEED_LEX();
    /* "the Night Heron group" is one argument, named Night Heron */
    assert_string_equal(RUN("The Night Heron group was behind the attack, Peru said."),
                        "Peru[] accuses Night Heron[] asserted|");
}

static void test_explain_tells_what_was_seen(void **state)
{
    (void)state;
    NEED_LEX();
    char *text = NULL;
    size_t len = 0;
    explain_to = open_memstream(&text, &len);
    assert_non_null(explain_to);
    assert_string_equal(RUN("Peru banned Quillmail.", "Chile welcomed the decision.",
                            "Signal praised Peru.", "It cited Quillmail, The Chile report,Brightwave."),
                        "Peru[] bans Quillmail[] asserted|");
    fclose(explain_to);
    explain_to = NULL;
    /* the mentions, the trigger with its reading and frames, the record */
    assert_non_null(strstr(text, "sentence 1: Peru banned Quillmail."));
    assert_non_null(strstr(text, "mention  \"Peru\" actor -> Peru (country)"));
    assert_non_null(strstr(text, "trigger  \"banned\" bans, read as a verb, frames obj,loc,from"));
    assert_non_null(strstr(text, "record Peru bans Quillmail (asserted"));
    /* and why nothing came of the others */
    assert_non_null(strstr(text, "sentence 2: Chile welcomed the decision.\n"
                                 "  mention  \"Chile\" actor -> Chile (country)\n"
                                 "  no trigger word"));
    /* a capitalised grammar word alone, even after a comma, is no name */
    assert_null(strstr(text, "mention  \"The\""));
    free(text);
}

static void test_lists_and_counted_sets(void **state)
{
    (void)state;
    NEED_LEX();
    assert_string_equal(RUN("Chile, Peru, and Mexico signed the Lima Pact."),
                        "Mexico[] signs Lima Pact[] asserted|Peru[] signs Lima Pact[] asserted|"
                        "Chile[] signs Lima Pact[] asserted|");
    assert_string_equal(RUN("Twelve countries signed the Lima Pact.",
                            "They include Chile and Peru."),
                        "Chile[] signs Lima Pact[] asserted|Peru[] signs Lima Pact[] asserted|");
}

static void test_counted_set_recalled(void **state)
{
    (void)state;
    NEED_LEX();
    assert_string_equal(RUN("Kenya banned 12 apps, including Telegram and WeChat.",
                            "The Kenyan regulator said it had decided to block the 12 apps."),
                        "Kenya[] bans Telegram[] asserted|Kenya[] bans WeChat[] asserted|"
                        "Kenyan Regulator[Kenya] bans Telegram[] asserted|"
                        "Kenyan Regulator[Kenya] bans WeChat[] asserted|");
}

/* a state's body named by its head noun after lowercase modifiers; a
   government word stays the state */
static void test_state_body_with_modifiers(void **state)
{
    (void)state;
    NEED_LEX();
    assert_string_equal(RUN("Kenya's health regulator has banned Kelpex."),
                        "Kenyan Health Regulator[Kenya] bans Kelpex[] asserted|");
    assert_string_equal(RUN("Kenya's consumer protection bureau accused Dravo of fraud."),
                        "Kenyan Consumer Protection Bureau[Kenya] accuses Dravo[] asserted|");
    assert_string_equal(RUN("Kenyan authorities banned Dravo."),
                        "Kenya[] bans Dravo[] asserted|");
    /* a capitalised body's name goes on past "of", without its article */
    assert_string_equal(RUN("The Kenyan Ministry of Trade accused Dravo of fraud."),
                        "Kenyan Ministry of Trade[Kenya] accuses Dravo[] asserted|");
}

/* "the Quillchat app": an unknown name before a product's head is the
   name, not the company the article named last */
static void test_named_product_description(void **state)
{
    (void)state;
    NEED_LEX();
    assert_string_equal(RUN("Dravo Labs makes chat software.", "Norway banned the Quillchat app."),
                        "Norway[] bans Quillchat[] asserted|");
    assert_string_equal(RUN("Dravo Labs makes chat software.", "Norway banned the app."),
                        "Norway[] bans Dravo Labs[] asserted|");
}

/* "each other": every member of the subject list acts on the others */
static void test_reciprocal_pronoun(void **state)
{
    (void)state;
    NEED_LEX();
    assert_string_equal(RUN("Ecuador and Bolivia accused one another of breaking the truce."),
                        "Bolivia[] accuses Ecuador[] asserted|Ecuador[] accuses Bolivia[] asserted|");
    assert_string_equal(RUN("Dravo and Kelpex have never sued each other."),
                        "Kelpex[] accuses Dravo[] negated|Dravo[] accuses Kelpex[] negated|");
    /* "traded blame": the noun after a verb of exchange */
    assert_string_equal(RUN("Ecuador and Bolivia traded blame for the collapse of the truce."),
                        "Bolivia[] accuses Ecuador[] asserted|Ecuador[] accuses Bolivia[] asserted|");
    /* no list before it: nothing to resolve */
    assert_string_equal(RUN("Dravo said they accused each other."), "");
}

/* a possessive inside a body's name: "the People's Labour Party" */
static void test_possessive_inside_name(void **state)
{
    (void)state;
    NEED_LEX();
    assert_string_equal(RUN("Norway banned the Farmers' Unity Party."),
                        "Norway[] bans Farmers' Unity Party[] asserted|");
    /* an owner no dictionary knows is a name of its own */
    assert_string_equal(RUN("Norway banned Vantrix's Quillchat Service."),
                        "Norway[] bans Vantrix[] asserted|");
}

/* a control noun's owner acts: "Norway's bid to ban X" */
static void test_control_noun_owner(void **state)
{
    (void)state;
    NEED_LEX();
    assert_string_equal(RUN("Norway's bid to ban Dravo drew criticism."),
                        "Norway[] bans Dravo[] hedged|");
    assert_string_equal(RUN("Kenya's decision to block Dravo was welcomed."),
                        "Kenya[] bans Dravo[] asserted|");
    /* a possessive before a trigger noun is not a control noun's owner */
    assert_string_equal(RUN("Norway's ban surprised Dravo."), "");
}

/* trigger rows and light verbs added as data: each phrasing gives its
   relation with no code of its own */
static void test_trigger_variants(void **state)
{
    (void)state;
    NEED_LEX();
    assert_string_equal(RUN("Norvania filed suit against Kelpex."), "Norvania[] accuses Kelpex[] asserted|");
    assert_string_equal(RUN("Norvania lodged a complaint against Kelpex."),
                        "Norvania[] accuses Kelpex[] asserted|");
    assert_string_equal(RUN("Norvania took legal action against Kelpex."),
                        "Norvania[] accuses Kelpex[] asserted|");
    assert_string_equal(RUN("Norvania pinned the blame on Kelpex."), "Norvania[] accuses Kelpex[] asserted|");
    assert_string_equal(RUN("Norvania floated the Tavira Initiative."),
                        "Norvania[] proposes Tavira Initiative[] asserted|");
    assert_string_equal(RUN("Norvania submitted the Tavira Proposal."),
                        "Norvania[] proposes Tavira Proposal[] asserted|");
    assert_string_equal(RUN("Norvania acceded to the Tavira Convention."),
                        "Norvania[] signs Tavira Convention[] asserted|");
    assert_string_equal(RUN("Norvania put its signature to the Tavira Treaty."),
                        "Norvania[] signs Tavira Treaty[] asserted|");
    /* the place after what the banned may not do */
    assert_string_equal(RUN("Zentara was banned from operating in Uruguay."),
                        "Uruguay[] bans Zentara[] asserted|");
    /* a ban undone by a phrase of two words, or eased, is no ban */
    assert_string_equal(RUN("Peru and Norvania argued.", "A court struck down Norvania's ban on Kelpex."), "");
    assert_string_equal(RUN("Norvania eased sanctions on Kelpex."), "");
    /* an owner's thwarted effort bans no one */
    assert_string_equal(RUN("Norway blocked Kelpex's takeover of Zentara."), "");
    assert_string_equal(RUN("Zentara countersued Kelpex."), "Zentara[] accuses Kelpex[] asserted|");
    /* "X and Y Administration": one body's name */
    assert_string_equal(RUN("The Food and Drug Administration banned Kelpex."),
                        "Food and Drug Administration[] bans Kelpex[] asserted|");
    /* a ban handed to someone, active or passive; a warning is no ban */
    assert_string_equal(RUN("The Tavira Integrity Unit handed Ana Silva a four-year ban."),
                        "Tavira Integrity Unit[] bans Ana Silva[] asserted|");
    assert_string_equal(RUN("Ana Silva was handed a lifetime ban by the Tavira Integrity Unit."),
                        "Tavira Integrity Unit[] bans Ana Silva[] asserted|");
    assert_string_equal(RUN("Norway gave Kelpex a warning."), "");
    /* a reported shelling accuses the shooter */
    assert_string_equal(RUN("Norway said Russian forces had shelled the plant."),
                        "Norway[] accuses Russian forces[Russia] asserted|");
    /* a light verb of two words: "called for a ban" (hedged) */
    assert_string_equal(RUN("Norway called for a ban on Kelpex."), "Norway[] bans Kelpex[] hedged|");
    assert_string_equal(RUN("Norway has drawn up the Tavira Plan."),
                        "Norway[] proposes Tavira Plan[] asserted|");
    assert_string_equal(RUN("Norway offered the Tavira Plan to end the war."),
                        "Norway[] proposes Tavira Plan[] asserted|");
    /* not a relation: an attack launched, a currency floated */
    assert_string_equal(RUN("Norvania launched an attack on Kelpex."), "");
    assert_string_equal(RUN("Norvania floated its currency."), "");
}

/* an apposition types an unknown name: "the app" then finds it before
   an unknown name of no known kind named since */
static void test_apposition_gives_type(void **state)
{
    (void)state;
    NEED_LEX();
    assert_string_equal(RUN("Norvania banned Kelpex, a messaging app, on Monday.",
                            "The ban follows a move by Estland, which blocked the app in March."),
                        "Norvania[] bans Kelpex[] asserted|Estland[] bans Kelpex[] asserted|");
}

/* "according to X" names the speaker when no speech verb does */
static void test_according_to_speaker(void **state)
{
    (void)state;
    NEED_LEX();
    assert_string_equal(RUN("Kelpex hacked the grid, according to Norway."),
                        "Norway[] accuses Kelpex[] asserted|");
    /* a news outlet or other unknown name is no accuser */
    assert_string_equal(RUN("According to Tavira Daily, Kelpex hacked the grid."), "");
}

/* a Title Case headline capitalises its prepositions and verbs: neither
   goes into a name */
static void test_headline_small_words(void **state)
{
    (void)state;
    NEED_LEX();
    assert_string_equal(RUN("Norway Bans Huawei Over Security Fears"), "Norway[] bans Huawei[] asserted|");
    assert_string_equal(RUN("Kenya, Uganda Sign Lake Trade Accord"),
                        "Uganda[] signs Lake Trade Accord[] asserted|Kenya[] signs Lake Trade Accord[] asserted|");
    /* "remains banned" is a passive as "is banned" is */
    assert_string_equal(RUN("Kelpex remains banned in Norway."), "Norway[] bans Kelpex[] asserted|");
}

static void test_titles_and_appositions(void **state)
{
    (void)state;
    NEED_LEX();
    assert_string_equal(RUN("Chinese Foreign Minister Wang Yi accused Japan of provocation."),
                        "Wang Yi[China] accuses Japan[] asserted|");
    assert_string_equal(RUN("A Chinese foreign ministry official accused Canada of bullying."),
                        "Chinese Foreign Ministry[China] accuses Canada[] asserted|");
    assert_string_equal(RUN("A Chinese Foreign Ministry official accused the United States of lying."),
                        "Chinese Foreign Ministry[China] accuses United States[] asserted|");
    assert_string_equal(RUN("Zhao Lijian, the Foreign Ministry spokesperson, accused Canada of lying."),
                        "Zhao Lijian[China] accuses Canada[] asserted|");
}

static void test_pronouns_and_surnames(void **state)
{
    (void)state;
    NEED_LEX();
    assert_string_equal(RUN("Chinese Foreign Minister Wang Yi spoke on Monday.",
                            "Wang accused Canada of meddling."),
                        "Wang Yi[China] accuses Canada[] asserted|");
    assert_string_equal(RUN("Norway reviewed the app for months.",
                            "It banned TikTok on Tuesday."),
                        "Norway[] bans TikTok[] asserted|");
}

static void test_negation_and_hedging(void **state)
{
    (void)state;
    NEED_LEX();
    assert_string_equal(RUN("Brazil declined to sign the Lima Pact."),
                        "Brazil[] signs Lima Pact[] negated|");
    assert_string_equal(RUN("Kenya plans to ban Telegram."), "Kenya[] bans Telegram[] hedged|");
    assert_string_equal(RUN("Peru did not block WhatsApp."), "Peru[] bans WhatsApp[] negated|");
    assert_string_equal(RUN("Kenya is considering banning Telegram."), "Kenya[] bans Telegram[] hedged|");
    assert_string_equal(RUN("Kenya threatened to block WhatsApp."), "Kenya[] bans WhatsApp[] hedged|");
    /* an order to someone else is hedged, for the one who orders and for
       the named ones ordered */
    assert_string_equal(RUN("Kenya ordered Apple to block Telegram."),
                        "Kenya[] bans Telegram[] hedged|Apple[] bans Telegram[] hedged|");
    assert_string_equal(RUN("Kenya ordered internet providers to block Telegram."),
                        "Kenya[] bans Telegram[] hedged|");
    /* ordered lists, kinds with members, stores that are ordered */
    assert_string_equal(RUN("Kenya ordered Vantrix and Calyx to remove the Kwibble app from their app stores."),
                        "Kenya[] bans Kwibble[] hedged|Vantrix[] bans Kwibble[] hedged|Calyx[] bans Kwibble[] "
                        "hedged|");
    assert_string_equal(RUN("The order requires companies like Vantrix, Calyx, and Tollan to remove Kwibble "
                            "from their stores."),
                        "Vantrix[] bans Kwibble[] hedged|Calyx[] bans Kwibble[] hedged|Tollan[] bans Kwibble[] "
                        "hedged|");
    assert_string_equal(RUN("The Varda Trade Office ordered app stores to remove the Kwibble app."),
                        "Varda Trade Office[] bans Kwibble[] hedged|");
    assert_string_equal(RUN("Vantrix removed the Kwibble app."), "");
}

static void test_frames_from_the_lexicon(void **state)
{
    (void)state;
    NEED_LEX();
    assert_string_equal(RUN("Japan barred its companies from buying Huawei equipment."),
                        "Japan[] bans Huawei[] asserted|");
    assert_string_equal(RUN("Sweden attributed the attacks to the GRU."),
                        "Sweden[] accuses GRU[Russia] asserted|");
    assert_string_equal(RUN("The Commerce Department added Huawei to the entity list on Friday."),
                        "United States Department of Commerce[United States] bans Huawei[] asserted|");
    /* the list's owner, any name with its possessive, stands between */
    assert_string_equal(RUN("Norvania added Vantrix to the Trade Bureau's entity list on Friday."),
                        "Norvania[] bans Vantrix[] asserted|");
    assert_string_equal(RUN("Among the signatories of the Oslo Declaration are Chile and Peru."),
                        "Chile[] signs Oslo Declaration[] asserted|Peru[] signs Oslo Declaration[] asserted|");
    assert_string_equal(RUN("Chile joined the Oslo Declaration last year."),
                        "Chile[] signs Oslo Declaration[] asserted|");
    assert_string_equal(RUN("Norway vetoed the Oslo Declaration."),
                        "Norway[] signs Oslo Declaration[] negated|");
    assert_string_equal(RUN("The Five Eyes' accusations against Chinese companies are baseless."),
                        "Five Eyes[] accuses Chinese companies[China] asserted|");
    assert_string_equal(RUN("Beijing accused Washington of hacking."),
                        "China[] accuses United States[] asserted|");
}

static void test_news_paragraph(void **state)
{
    (void)state;
    NEED_LEX();
    /* the speaker of the aside is the one accusing; a regulator named by its
       kind belongs to the state the text is about */
    assert_string_equal(RUN("Norway has blocked access to Telegram, the media regulator Nettilsyn said on "
                            "Friday, accusing the platform of spreading spam."),
                        "Norway[] bans Telegram[] asserted|Nettilsyn[Norway] accuses Telegram[] asserted|");
    assert_string_equal(RUN("Canada and its allies accused Russia of a hacking campaign."),
                        "Canada[] accuses Russia[] asserted|");
    assert_string_equal(RUN("The National Cyber Security Centre said Russian state-backed hackers were "
                            "behind the attack."),
                        "National Cyber Security Centre[United Kingdom] accuses Russian state-backed "
                        "hackers[Russia] asserted|");
    assert_string_equal(RUN("Last year, 30 countries signed the Bergen Call.",
                            "Among them were Chile and Peru."),
                        "Chile[] signs Bergen Call[] asserted|Peru[] signs Bergen Call[] asserted|");
}

static void test_reversed_and_not_relations(void **state)
{
    (void)state;
    NEED_LEX();
    assert_string_equal(RUN("Sweden blamed the outage on Russia."),
                        "Sweden[] accuses Russia[] asserted|");
    /* criticism is not an accusation; lifting a ban is not a ban */
    assert_string_equal(RUN("Chile criticised Peru for the delay."), "");
    assert_string_equal(RUN("Kenya lifted the ban on Telegram."), "");
    assert_string_equal(RUN("Microsoft welcomed the plan, and Italy lifted its ban on Telegram."), "");
}

static void test_document_targets(void **state)
{
    (void)state;
    NEED_LEX();
    assert_string_equal(RUN("Chile proposed a data sharing plan on fisheries."),
                        "Chile[] proposes data sharing plan on fisheries[] asserted|");
    assert_string_equal(RUN("The European Union on Tuesday unveiled a plan to regulate cloud providers."),
                        "European Union[] proposes plan to regulate cloud providers[] asserted|");
    assert_string_equal(RUN("Chile proposed new rules governing the use of drones in cities."),
                        "Chile[] proposes new rules governing the use of drones[] asserted|");
    assert_string_equal(RUN("Peru is presenting both a plan for ports and a revised strategy on fisheries."),
                        "Peru[] proposes plan for ports[] asserted|"
                        "Peru[] proposes revised strategy on fisheries[] asserted|");
    assert_string_equal(RUN("Noting that the Chile-proposed initiative works, Peru agreed."),
                        "Chile[] proposes Chile-proposed initiative[] asserted|");
}

static void test_reported_speech_and_pronoun_clauses(void **state)
{
    (void)state;
    NEED_LEX();
    /* "said" is irregular: the pronoun after it opens a new clause */
    assert_string_equal(RUN("Norway said it was banning Huawei."), "Norway[] bans Huawei[] asserted|");
    /* a pronoun does not take the subject of its own clause */
    assert_string_equal(RUN("WeChat was banned in Kenya while a Kenyan court stayed a ban on it in "
                            "Uganda."),
                        "Kenya[] bans WeChat[] asserted|Uganda[] bans WeChat[] hedged|");
    /* reported speech: the speaker is not the accuser */
    assert_string_equal(RUN("Chile said Peru had accused Bolivia of smuggling."),
                        "Peru[] accuses Bolivia[] asserted|");
}

static void test_pronoun_prefers_a_recent_subject(void **state)
{
    (void)state;
    NEED_LEX();
    /* "Blocked sites include ...": the state the text is about bans them */
    assert_string_equal(RUN("Norway strictly controls access to the internet.",
                            "Blocked sites include Google, Facebook and Twitter.",
                            "It recently blocked all web traffic that uses old protocols."),
                        "Norway[] bans Google[] asserted|Norway[] bans Facebook[] asserted|"
                        "Norway[] bans Twitter[] asserted|Norway[] bans web traffic[] asserted|");
}

static void test_gender_from_pronouns(void **state)
{
    (void)state;
    NEED_LEX();
    assert_string_equal(RUN("Senator Ana Ruiz said she would wait.",
                            "Governor Tom Berg also noted that he signed the Water Bill."),
                        "Tom Berg[] signs Water Bill[] asserted|");
}

static void test_copula_and_relative_clauses(void **state)
{
    (void)state;
    NEED_LEX();
    assert_string_equal(RUN("SB 99, the Clean Water Act, was a state bill authored by Senator Ana Ruiz."),
                        "Ana Ruiz[] proposes SB 99[] asserted|");
    assert_string_equal(RUN("The final accord of the ocean summit, which ended on Friday in Lima, was "
                            "signed by 40 countries, but Chile and Peru were not among them."),
                        "Peru[] signs final accord of the ocean summit[] negated|"
                        "Chile[] signs final accord of the ocean summit[] negated|");
}

static void test_possessed_names_and_bodies(void **state)
{
    (void)state;
    NEED_LEX();
    assert_string_equal(RUN("Norway accused Russia's GRU of hacking."), "Norway[] accuses GRU[Russia] asserted|");
    assert_string_equal(RUN("Hikvision and Dahua cameras were banned from British government buildings."),
                        "United Kingdom[] bans Dahua[] asserted|United Kingdom[] bans Hikvision[] asserted|");
}

static void test_agent_lists_that_continue(void **state)
{
    (void)state;
    NEED_LEX();
    assert_string_equal(RUN("The Lima Pact was signed by Chile and Peru as well as by the three "
                            "partners \xe2\x80\x94 Brazil, Kenya and Japan."),
                        "Chile[] signs Lima Pact[] asserted|Peru[] signs Lima Pact[] asserted|"
                        "Brazil[] signs Lima Pact[] asserted|Kenya[] signs Lima Pact[] asserted|"
                        "Japan[] signs Lima Pact[] asserted|");
    assert_string_equal(RUN("The Lima Pact was signed by Chile, Peru and Ghana, along with Kenya and "
                            "Japan, officials said."),
                        "Chile[] signs Lima Pact[] asserted|Peru[] signs Lima Pact[] asserted|"
                        "Ghana[] signs Lima Pact[] asserted|Kenya[] signs Lima Pact[] asserted|"
                        "Japan[] signs Lima Pact[] asserted|");
    assert_string_equal(RUN("The Lima Pact was signed by Chile together with Kenya."),
                        "Chile[] signs Lima Pact[] asserted|Kenya[] signs Lima Pact[] asserted|");
    assert_string_equal(RUN("The Lima Pact was signed by its two founders: Chile and Peru."),
                        "Chile[] signs Lima Pact[] asserted|Peru[] signs Lima Pact[] asserted|");
}

static void test_long_member_list_in_next_sentence(void **state)
{
    (void)state;
    NEED_LEX();
    /* thirty members: none is dropped */
    const char *r = RUN("Thirty nations signed the Lima Pact.",
                        "They include Chile, Peru, Brazil, Kenya, Japan, Ghana, Mexico, Spain, Italy, "
                        "Norway, Sweden, Finland, Denmark, Poland, Austria, Greece, Egypt, Morocco, "
                        "Tunisia, Senegal, Mali, Niger, Zambia, Uganda, Nepal, Laos, Fiji, Samoa, "
                        "Tonga and Malta.");
    assert_non_null(strstr(r, "Chile[] signs Lima Pact[] asserted|"));
    assert_non_null(strstr(r, "Fiji[] signs Lima Pact[] asserted|"));
    assert_non_null(strstr(r, "Malta[] signs Lima Pact[] asserted|"));
}

static void test_document_names_with_complements(void **state)
{
    (void)state;
    NEED_LEX();
    /* a Title Case name with "on", hyphenated words and "and" is one name,
       and "the statement" later means it */
    assert_string_equal(RUN("Ministers agreed on the Global Statement on Peer-to-Peer Lending and "
                            "Consumer Safety.",
                            "The statement was signed by Chile and Peru."),
                        "Chile[] signs Global Statement on Peer-to-Peer Lending and Consumer Safety[] "
                        "asserted|Peru[] signs Global Statement on Peer-to-Peer Lending and Consumer "
                        "Safety[] asserted|");
    /* a quoted title with a colon */
    assert_string_equal(RUN("Ministers published a text titled \"Joint Statement: Safe and Open "
                            "Networks\" on Monday.",
                            "The statement was signed by Chile."),
                        "Chile[] signs Joint Statement: Safe and Open Networks[] asserted|");
}

static void test_bare_document_nouns_refer_back(void **state)
{
    (void)state;
    NEED_LEX();
    /* "the statement" after a declaration: the same family of documents */
    assert_string_equal(RUN("Norway and Chile signed the Bergen Declaration on ocean data.",
                            "The statement was later signed by Peru."),
                        "Chile[] signs Bergen Declaration[] asserted|"
                        "Norway[] signs Bergen Declaration[] asserted|"
                        "Peru[] signs Bergen Declaration[] asserted|");
    /* "the text" means the latest document */
    assert_string_equal(RUN("Peru drafted the Lima Charter.", "Chile endorsed the text on Friday."),
                        "Peru[] proposes Lima Charter[] asserted|Chile[] signs Lima Charter[] asserted|");
    /* nothing to refer to: no target named "pact" or "plan" */
    assert_string_equal(RUN("The pact was signed by Chile and Peru."), "");
    assert_string_equal(RUN("Kenya unveiled the plan on Monday."), "");
}

static void test_signing_idioms(void **state)
{
    (void)state;
    NEED_LEX();
    /* "put one's name to" (relations.tsv "one's" = any possessive), and a
       counted subject whose members follow in the next sentence */
    assert_string_equal(RUN("Ten other nations put their names to the Lima Charter as well.",
                            "They include Chile, Peru and Brazil."),
                        "Chile[] signs Lima Charter[] asserted|Peru[] signs Lima Charter[] asserted|"
                        "Brazil[] signs Lima Charter[] asserted|");
    assert_string_equal(RUN("Peru added its name to the Lima Charter."),
                        "Peru[] signs Lima Charter[] asserted|");
    /* backing a declaration is endorsing it; backing a bill or a deal is not */
    assert_string_equal(RUN("Chile, which put its name to the Lima Declaration in 2020, also backed "
                            "the Oslo text."),
                        "Chile[] signs Lima Declaration[] asserted|Chile[] signs Oslo text[] asserted|");
    assert_string_equal(RUN("Peru backed the water bill."), "");
    assert_string_equal(RUN("Peru backed, in principle, a deal with Chile."), "");
    /* joining takes declarations and agreements, not any initiative */
    assert_string_equal(RUN("Norway said it would join other ocean initiatives."), "");
}

static void test_plural_object_then_members(void **state)
{
    (void)state;
    NEED_LEX();
    assert_string_equal(RUN("Nigeria, meanwhile, blocked dozens of foreign websites in May, among "
                            "them Twitter and Facebook."),
                        "Nigeria[] bans Twitter[] asserted|Nigeria[] bans Facebook[] asserted|");
    /* the counted noun itself is no target */
    assert_string_equal(RUN("Nigeria blocked hundreds of websites."), "");
}

static void test_bans_as_exclusion_and_listing(void **state)
{
    (void)state;
    NEED_LEX();
    assert_string_equal(RUN("Norway decided in May to exclude Huawei from its fibre networks, and "
                            "Chile shut the company out of its cable tender in 2019."),
                        "Norway[] bans Huawei[] asserted|Chile[] bans Huawei[] asserted|");
    /* excluding alone, or from doing something, is no ban */
    assert_string_equal(RUN("Norway excluded Huawei."), "");
    assert_string_equal(RUN("Kenya kept Telegram running."), "");
    assert_string_equal(RUN("Officials in Oslo are weighing whether to keep ZTE out of the networks."),
                        "Norway[] bans ZTE[] hedged|");
    assert_string_equal(RUN("Norway shut down Telegram."), "Norway[] bans Telegram[] asserted|");
    /* a capitalised list name is still the trigger */
    assert_string_equal(RUN("The Commerce Department put ZTE on its Entity List in 2016."),
                        "United States Department of Commerce[United States] bans ZTE[] asserted|");
    /* barring one's own buyers from a maker's goods bans the makers */
    assert_string_equal(RUN("Ottawa has already barred its state agencies from buying routers from "
                            "Huawei and ZTE."),
                        "Canada[] bans Huawei[] asserted|Canada[] bans ZTE[] asserted|");
    /* an adverbial phrase inside the verb group; a dateline is no actor */
    assert_string_equal(RUN("OSLO \xe2\x80\x94 Norway has in effect banned Huawei and ZTE from its "
                            "fibre networks."),
                        "Norway[] bans Huawei[] asserted|Norway[] bans ZTE[] asserted|");
}

static void test_accusation_forms(void **state)
{
    (void)state;
    NEED_LEX();
    /* people charged are named by the body they belong to */
    assert_string_equal(RUN("OSLO/BERLIN \xe2\x80\x94 Norway on Friday charged three officers of "
                            "Russia's FSB over the break-in."),
                        "Norway[] accuses FSB[Russia] asserted|");
    assert_string_equal(RUN("The Justice Department accused the agents, all members of the FSB, of "
                            "spying."),
                        "United States Department of Justice[United States] accuses FSB[Russia] "
                        "asserted|");
    assert_string_equal(RUN("Norway banned two apps of ByteDance."), "");
    /* an adverb inside "was behind"; the speaker named in apposition */
    assert_string_equal(RUN("In May, Norway's justice minister at the time, Ola Berg, said the FSB "
                            "was almost certainly behind the break-in."),
                        "Ola Berg[Norway] accuses FSB[Russia] asserted|");
}

static void test_gender_from_names_and_honorifics(void **state)
{
    (void)state;
    NEED_LEX();
    /* a woman's given name keeps "he" off her (cues.tsv gender) */
    assert_string_equal(RUN("Senator Emma Lind met Kenya's trade minister on Monday.",
                            "Ambassador Lu Wei, the Chinese envoy, spoke later.",
                            "He accused Kenya of stalling."),
                        "Lu Wei[] accuses Kenya[] asserted|");
    /* honorifics */
    assert_string_equal(RUN("Mr Okafor and Mrs Bello met in Lagos.", "She accused Ghana of dumping."),
                        "Bello[] accuses Ghana[] asserted|");
    assert_string_equal(RUN("Mr Okafor and Mrs Bello met in Lagos.", "He accused Ghana of dumping."),
                        "Okafor[] accuses Ghana[] asserted|");
    /* a known given name makes an unknown name a person "he" can mean */
    assert_string_equal(RUN("Peter Berg said he had signed the Oslo Pact."),
                        "Peter Berg[] signs Oslo Pact[] asserted|");
}

static void test_proposals_named_by_apposition_or_relative(void **state)
{
    (void)state;
    NEED_LEX();
    /* "X, an initiative to ...": X is the proposal; particles in names */
    assert_string_equal(RUN("Meanwhile Commission President Ursula von der Leyen launched OceanFund, an "
                            "initiative to raise money for ports."),
                        "Ursula von der Leyen[European Union] proposes OceanFund[] asserted|");
    /* a sum opens the plan's complement */
    assert_string_equal(RUN("Chile unveiled a plan for \xe2\x82\xac" "40 billion of port investment."),
                        "Chile[] proposes plan for \xe2\x82\xac" "40 billion of port investment[] "
                        "asserted|");
    /* a new body announced with "a" is proposed; a technology word may open it */
    assert_string_equal(RUN("Chile announced a separate Chilean AI Ocean Institute on Monday."),
                        "Chile[] proposes Chilean AI Ocean Institute[Chile] asserted|");
    assert_string_equal(RUN("Chile announced that Peru would set up an AI Ocean Institute."),
                        "Peru[] proposes AI Ocean Institute[] hedged|");
    /* the object of a relative clause */
    assert_string_equal(RUN("Chile praised the \"Blue Ocean\" initiative that Peru proposed in April."),
                        "Peru[] proposes Blue Ocean initiative[] asserted|");
    assert_string_equal(RUN("Pompeo praised the new port deal, a successor to the \"5G Safe Port\" initiative "
                            "he proposed in May."),
                        "Mike Pompeo[United States] proposes 5G Safe Port[] asserted|");
    /* "proposed" shares the stem of "proposal" but is no document noun */
    assert_string_equal(RUN("Chile praised the ocean plan that Peru proposed in April."),
                        "Peru[] proposes ocean plan[] asserted|");
}

static void test_sets_continue_and_bodies(void **state)
{
    (void)state;
    NEED_LEX();
    /* the banned list goes on a few sentences later; a day is no target and a
       company no regulator */
    assert_string_equal(RUN("Kenya has banned 12 apps, including Telegram and WeChat.",
                            "The regulator announced the ban on Monday.",
                            "The order came into force at once.",
                            "The list also names Signal, Viber and Likee, as well as several products "
                            "of Tencent."),
                        "Kenya[] bans Telegram[] asserted|Kenya[] bans WeChat[] asserted|"
                        "Kenya[] bans Signal[] asserted|Kenya[] bans Viber[] asserted|"
                        "Kenya[] bans Likee[] asserted|");
    /* "the IT ministry" is the ministry named before, not the latest body */
    assert_string_equal(RUN("The Ministry of Digital Affairs banned Telegram.",
                            "Chile's embassy in Lima accused Peru of spying.",
                            "Later the IT ministry blocked Viber."),
                        "Ministry of Digital Affairs[] bans Telegram[] asserted|"
                        "Chilean Embassy[Chile] accuses Peru[] asserted|"
                        "Ministry of Digital Affairs[] bans Viber[] asserted|");
}

static void test_names_that_look_like_cue_words(void **state)
{
    (void)state;
    NEED_LEX();
    /* "Likee" has the stem of the list opener "like": a capitalised name
       inside a sentence is no cue word */
    assert_string_equal(RUN("Kenya banned Helo, Likee and Viber."),
                        "Kenya[] bans Helo[] asserted|Kenya[] bans Likee[] asserted|"
                        "Kenya[] bans Viber[] asserted|");
    /* "5G" is no count, and "last year" is no part of a document's name */
    assert_string_equal(RUN("Chile and Peru signed similar 5G accords with Brazil last year."),
                        "Peru[] signs similar 5G accords with Brazil[] asserted|"
                        "Chile[] signs similar 5G accords with Brazil[] asserted|");
    /* "the alliance" may be a grouping such as the Five Eyes, and is not
       the subject of its own clause */
    assert_string_equal(RUN("The Five Eyes met on Monday.",
                            "A Chinese foreign ministry official accused the alliance of hypocrisy."),
                        "Chinese Foreign Ministry[China] accuses Five Eyes[] asserted|");
}

static void test_lists_after_asides_and_participles(void **state)
{
    (void)state;
    NEED_LEX();
    /* a second "on" names whom the attack is blamed on */
    assert_string_equal(RUN("Norway also blamed the attack on the opening of the Oslo Games on the FSB."),
                        "Norway[] accuses FSB[Russia] asserted|");
    /* "were among the ministers who signed it": "it" is the latest document,
       and two titled names joined by "and" are two people */
    assert_string_equal(RUN("Norway signed the Oslo Pact.",
                            "Trade Minister Tom Berg and Justice Minister Ana Lind were among the "
                            "ministers who signed it."),
                        "Norway[] signs Oslo Pact[] asserted|Ana Lind[] signs Oslo Pact[] asserted|"
                        "Tom Berg[] signs Oslo Pact[] asserted|");
    /* a participle after the object takes the sentence's subject; a list
       goes on after a relative clause and a repeated preposition; a date's
       day is no count */
    assert_string_equal(RUN("Governor Ana Lind signed two orders on Sept. 9 banning transactions with "
                            "Viber, which belongs to a Dubai firm, and with Telegram."),
                        "Ana Lind[] signs two orders[] asserted|Ana Lind[] bans Viber[] asserted|"
                        "Ana Lind[] bans Telegram[] asserted|");
    /* "the Viber ban" was imposed by whoever banned Viber before; a stay
       hedges it */
    assert_string_equal(RUN("Kenya banned Viber in May.", "The Viber ban was stayed by a court in June."),
                        "Kenya[] bans Viber[] asserted|Kenya[] bans Viber[] hedged|");
    assert_string_equal(RUN("The Viber ban was stayed by a court in June."), "");
}

static void test_agentless_bans_and_products(void **state)
{
    (void)state;
    NEED_LEX();
    /* an agentless ban belongs to the one state named in this or the last
       sentence; "but Y is not" denies it for Y */
    assert_string_equal(RUN("Encrypted apps are hard to find in the country, despite Norway's stance.",
                            "WhatsApp, the most popular one, is blocked, but Signal is not."),
                        "Norway[] bans WhatsApp[] asserted|Norway[] bans Signal[] negated|");
    /* two states named: no guess */
    assert_string_equal(RUN("Norway and Chile differ.", "WhatsApp is blocked."), "");
    /* "the Acme chatbot" means the same product each time */
    assert_string_equal(RUN("Italy banned ChatGPT, accusing the OpenAI chatbot of collecting data.",
                            "OpenAI said it would comply.",
                            "Italy said the OpenAI chatbot was blocked in the country."),
                        "Italy[] bans ChatGPT[] asserted|Italy[] accuses ChatGPT[] asserted|"
                        "Italy[] bans ChatGPT[] asserted|");
}

static void test_more_news_forms(void **state)
{
    (void)state;
    NEED_LEX();
    assert_string_equal(RUN("Montana became the first state to ban Viber."),
                        "Montana[United States] bans Viber[] asserted|");
    assert_string_equal(RUN("Officials in Seoul pointed the finger at North Korea for the hack."),
                        "South Korea[] accuses North Korea[] asserted|");
    assert_string_equal(RUN("Nepal suspended Viber last week."), "Nepal[] bans Viber[] asserted|");
    assert_string_equal(RUN("A court suspended the ban on Viber."), "");
    assert_string_equal(RUN("Kenya became a signatory to the Lima Charter in 2021."),
                        "Kenya[] signs Lima Charter[] asserted|");
    assert_string_equal(RUN("Peru signed on to the Lima Charter on Monday."),
                        "Peru[] signs Lima Charter[] asserted|");
    assert_string_equal(RUN("The allegations by Ottawa against Huawei are baseless, the firm said."),
                        "Canada[] accuses Huawei[] asserted|");
    /* an order to a common-noun object is hedged; urging others is no ban */
    assert_string_equal(RUN("Vietnam has ordered internet providers to block Viber."),
                        "Vietnam[] bans Viber[] hedged|");
    assert_string_equal(RUN("Chile has urged governments to keep Huawei out of their networks."), "");
    /* the members named in an aside are the subject */
    assert_string_equal(RUN("Several US states, including Texas and Montana, have banned Viber on state "
                            "phones."),
                        "Texas[United States] bans Viber[] asserted|Montana[United States] bans Viber[] "
                        "asserted|");
}

static void test_owned_document_descriptions(void **state)
{
    (void)state;
    NEED_LEX();
    /* "their latest statement" after a described statement takes the
       owner's name */
    assert_string_equal(RUN("Critics attacked the joint statement on data.",
                            "The Five Eyes defended it on Monday.",
                            "Their latest statement was also signed by Chile."),
                        "Chile[] signs Five Eyes joint statement on data[] asserted|");
    /* a named document keeps its name */
    assert_string_equal(RUN("Norway proposed the Oslo Charter.",
                            "Its latest charter was also signed by Chile."),
                        "Norway[] proposes Oslo Charter[] asserted|Chile[] signs Oslo Charter[] asserted|");
}

static void test_places_owned_documents_and_quoted_adverbs(void **state)
{
    (void)state;
    NEED_LEX();
    /* a short phrase before the place; a list of places */
    assert_string_equal(RUN("Viber has been banned on state phones in Chile, Peru and the European "
                            "Commission."),
                        "Chile[] bans Viber[] asserted|Peru[] bans Viber[] asserted|"
                        "European Union[] bans Viber[] asserted|");
    /* "its long-awaited AI Act": the owned document, not the owner */
    assert_string_equal(RUN("Chile has unveiled its long-awaited AI Act."),
                        "Chile[] proposes AI Act[] asserted|");
    /* quotes around the adverb; "responsible" ending the clause */
    assert_string_equal(RUN("Norway's intelligence agency said the FSB was \"almost certainly\" "
                            "responsible."),
                        "Norwegian Intelligence Agency[Norway] accuses FSB[Russia] asserted|");
    assert_string_equal(RUN("The official responsible for the program resigned."), "");
}

static void test_speaker_asides_and_phrase_bounds(void **state)
{
    (void)state;
    NEED_LEX();
    /* ", X said, accusing ...": the speaker accuses */
    assert_string_equal(RUN("\"They spy on everyone,\" Ana Lind said, accusing Norway of double "
                            "standards."),
                        "Ana Lind[] accuses Norway[] asserted|");
    /* a group name ends at closed-class words */
    assert_string_equal(RUN("Microsoft blamed a Chinese hacking group it calls Storm-77 for the breach."),
                        "");
    /* a second determiner opens another phrase: no document "Senate passed
       the bill" */
    assert_string_equal(RUN("The Senate passed the bill, which the governor signed into law."), "");
}

static void test_members_with_modifiers(void **state)
{
    (void)state;
    NEED_LEX();
    /* modifiers before names inside a list */
    assert_string_equal(RUN("Kenya banned 12 apps, including the messaging service Viber and the video "
                            "app Likee."),
                        "Kenya[] bans Viber[] asserted|Kenya[] bans Likee[] asserted|");
    assert_string_equal(RUN("Kenya banned Viber and several American websites."),
                        "Kenya[] bans Viber[] asserted|");
    /* "60 countries including A, B and C": every member is a source */
    assert_string_equal(RUN("At the summit, 60 countries including Chile, Peru and Ghana signed the "
                            "Lima Charter."),
                        "Ghana[] signs Lima Charter[] asserted|Peru[] signs Lima Charter[] asserted|"
                        "Chile[] signs Lima Charter[] asserted|");
}

static void test_owners_datelines_and_uses(void **state)
{
    (void)state;
    NEED_LEX();
    /* "the European Union's executive branch said it ...": the owner is the
       subject "it" prefers */
    assert_string_equal(RUN("Canada said it is banning Viber.",
                            "The European Union's executive branch said last week it has banned Viber."),
                        "Canada[] bans Viber[] asserted|European Union[] bans Viber[] asserted|");
    /* a dateline is no subject, and a capitalised "The" after it no name */
    assert_string_equal(RUN("Hong Kong \xe2\x80\x94 The US and Canada both issued orders this week "
                            "banning the use of Viber."),
                        "United States[] bans Viber[] asserted|");
    /* "blocks users in X from seeing Y" bans Y; "prohibit use of Y" */
    assert_string_equal(RUN("Peru blocks most users in the country from seeing Viber and Likee."),
                        "Peru[] bans Viber[] asserted|Peru[] bans Likee[] asserted|");
    assert_string_equal(RUN("Chile and Peru prohibit use of Viber by their staff."),
                        "Peru[] bans Viber[] asserted|Chile[] bans Viber[] asserted|");
}

static void test_signatories_in_other_words(void **state)
{
    (void)state;
    NEED_LEX();
    /* a described document followed by its name: the name */
    assert_string_equal(RUN("Governor Ana Lind vetoes Oregon's drone safety bill SB 77."),
                        "Ana Lind[] signs SB 77[] negated|");
    assert_string_equal(RUN("Brazil was among those that signed the Lima Charter."),
                        "Brazil[] signs Lima Charter[] asserted|");
    assert_string_equal(RUN("Among those signing the Lima Charter were Brazil, India and Ghana."),
                        "Brazil[] signs Lima Charter[] asserted|India[] signs Lima Charter[] asserted|"
                        "Ghana[] signs Lima Charter[] asserted|");
    /* the members of a counted subject after the object; a day is not part of
       the name */
    assert_string_equal(RUN("Leaders of 28 countries signed the Lima Charter on Wednesday, including "
                            "Chile and Peru."),
                        "Chile[] signs Lima Charter[] asserted|Peru[] signs Lima Charter[] asserted|");
    /* "the Commission" after the EU is the European Commission; "The EU wants
       rules" is no document */
    assert_string_equal(RUN("The EU wants rules for drones.",
                            "In 2021 the Commission proposed the Drone Safety Act."),
                        "European Commission[European Union] proposes Drone Safety Act[] asserted|");
    /* ... after the African Union its commission, in any case; after a state
       with several commissions none of them */
    assert_string_equal(RUN("The African Union wants rules for drones.",
                            "In 2021 the COMMISSION proposed the Drone Safety Act."),
                        "African Union Commission[African Union] proposes Drone Safety Act[] asserted|");
    assert_string_equal(RUN("The US wants rules for drones.",
                            "In 2021 the Commission proposed the Drone Safety Act."),
                        "Commission[] proposes Drone Safety Act[] asserted|");
}

static void test_the_ban_just_reported(void **state)
{
    (void)state;
    NEED_LEX();
    /* "X announced the ban": the ban of the sentence before, with X */
    assert_string_equal(RUN("Kenya has banned 12 apps, including Viber and Likee.",
                            "The Ministry of Digital Affairs announced the ban late on Monday."),
                        "Kenya[] bans Viber[] asserted|Kenya[] bans Likee[] asserted|"
                        "Ministry of Digital Affairs[] bans Likee[] asserted|"
                        "Ministry of Digital Affairs[] bans Viber[] asserted|");
    /* ... and the list goes on for both */
    assert_string_equal(RUN("Kenya has banned 12 apps, including Viber and Likee.",
                            "The Ministry of Digital Affairs announced the ban late on Monday.",
                            "The list also names Helo."),
                        "Kenya[] bans Viber[] asserted|Kenya[] bans Likee[] asserted|"
                        "Ministry of Digital Affairs[] bans Likee[] asserted|"
                        "Ministry of Digital Affairs[] bans Viber[] asserted|"
                        "Kenya[] bans Helo[] asserted|Ministry of Digital Affairs[] bans Helo[] asserted|");
    /* nothing banned before: nothing */
    assert_string_equal(RUN("Kenya imposed the ban on Monday."), "");
}

/* "blame X on Y" where X holds an "on" and a name of its own: the blamed
   follow the last "on" */
static void test_blame_on_after_an_object_with_on(void **state)
{
    (void)state;
    NEED_LEX();
    assert_string_equal(RUN("Estonia blamed the outage on its bank network on Russia and Belarus."),
                        "Estonia[] accuses Russia[] asserted|Estonia[] accuses Belarus[] asserted|");
    assert_string_equal(RUN("Latvia blamed the attack on the country's railways on Russia."),
                        "Latvia[] accuses Russia[] asserted|");
    /* a later "on" with no name keeps the first target */
    assert_string_equal(RUN("Latvia blamed the attack on Russia on state television."),
                        "Latvia[] accuses Russia[] asserted|");
}

/* "ban equipment/components/cameras from (made by) COMPANY": the makers */
static void test_goods_named_by_their_makers(void **state)
{
    (void)state;
    NEED_LEX();
    assert_string_equal(RUN("Denmark is expected to ban components from Huawei and ZTE in its networks."),
                        "Denmark[] bans Huawei[] hedged|Denmark[] bans ZTE[] hedged|");
    assert_string_equal(RUN("Lithuania banned cameras made by Hikvision."),
                        "Lithuania[] bans Hikvision[] asserted|");
    /* any irregular past participle (WordNet's exception lists), as any -ed one */
    assert_string_equal(RUN("Norvania banned routers sold by Huawei."),
                        "Norvania[] bans Huawei[] asserted|");
    assert_string_equal(RUN("Finland banned the sale of new routers from Huawei."),
                        "Finland[] bans Huawei[] asserted|");
    /* a country of origin is no maker */
    assert_string_equal(RUN("Norway banned equipment from Russia."),
                        "Norway[] bans equipment[] asserted|");
}

/* "Sixteen firms, including A, B, C and D, signed X": the aside holds
   commas of its own */
static void test_long_aside_list_as_subject(void **state)
{
    (void)state;
    NEED_LEX();
    assert_string_equal(RUN("Nine companies, including OpenAI, Microsoft and Meta, signed the Lisbon Pledge."),
                        "OpenAI[] signs Lisbon Pledge[] asserted|Microsoft[] signs Lisbon Pledge[] asserted|"
                        "Meta[] signs Lisbon Pledge[] asserted|");
}

/* control verbs: an adverb before "to", "no plans to" denies, "making X
   the first (U.S.) state to ban Y" */
static void test_control_verb_variants(void **state)
{
    (void)state;
    NEED_LEX();
    assert_string_equal(RUN("The FCC voted unanimously to ban Huawei."),
                        "Federal Communications Commission[United States] bans Huawei[] asserted|");
    assert_string_equal(RUN("Kenya has no plans to block Telegram."),
                        "Kenya[] bans Telegram[] negated|");
    assert_string_equal(RUN("The law took effect on Monday, making Texas the first U.S. state to outlaw WeChat."),
                        "Texas[United States] bans WeChat[] asserted|");
    /* any form of a causative verb (cues class cause) */
    assert_string_equal(RUN("The law makes Norvania the only country to ban Vantrix."),
                        "Norvania[] bans Vantrix[] asserted|");
    assert_string_equal(RUN("Utah became the first U.S. state to ban WeChat."),
                        "Utah[United States] bans WeChat[] asserted|");
}

/* "A blocked X, while B suspended it": an object pronoun in a clause with
   its own actor means what was acted on, not the earlier subject */
static void test_object_pronoun_in_a_parallel_clause(void **state)
{
    (void)state;
    NEED_LEX();
    assert_string_equal(RUN("Iran has blocked Telegram since 2018, while Iraq has suspended it twice."),
                        "Iran[] bans Telegram[] asserted|Iraq[] bans Telegram[] asserted|");
}

/* "Ten countries and the EU signed X. They include A and B.": named and
   counted sources together */
static void test_counted_set_beside_a_named_source(void **state)
{
    (void)state;
    NEED_LEX();
    assert_string_equal(RUN("Leaders of eight countries and the European Union endorsed the Rome Charter.",
                            "They include Chile and Peru."),
                        "European Union[] signs Rome Charter[] asserted|Chile[] signs Rome Charter[] asserted|"
                        "Peru[] signs Rome Charter[] asserted|");
}

/* "<body> spokesman <person> said ... and accused Y": the person acts */
static void test_person_led_by_a_body_title_is_the_subject(void **state)
{
    (void)state;
    NEED_LEX();
    assert_string_equal(RUN("Chinese foreign ministry spokesman Lin Jian said the report was false and "
                            "accused Canada of smearing Beijing."),
                        "Lin Jian[China] accuses Canada[] asserted|");
}

/* ", to its list, barring B from selling to them": a participle after a
   phrase opening with a preposition takes the clause's subject, and a
   state's own people are never what it bans */
static void test_participle_after_a_prepositional_aside(void **state)
{
    (void)state;
    NEED_LEX();
    assert_string_equal(RUN("The Commerce Department added 12 firms, including SMIC, to its entity "
                            "list, barring American suppliers from selling to them."),
                        "United States Department of Commerce[United States] bans SMIC[] asserted|");
    assert_string_equal(RUN("Japan barred Japanese firms from exporting chips."), "");
}

/* A trigger noun as a clause's subject: its agent from a passive light
   verb ("was announced by X", ", imposed by X,"), its targets from a list
   verb after it ("covers", "includes", "extends to", "targets"), and "the
   ban" alone means whoever imposed the latest one */
static void test_trigger_nouns_as_subjects(void **state)
{
    (void)state;
    NEED_LEX();
    assert_string_equal(RUN("The ban on Quillmail was announced by Peru on Friday."),
                        "Peru[] bans Quillmail[] asserted|");
    assert_string_equal(RUN("The embargo, imposed by Chile last month, extends to Brightwave."),
                        "Chile[] bans Brightwave[] asserted|");
    assert_string_equal(RUN("The planned ban, announced by Chile, covers Brightwave."),
                        "Chile[] bans Brightwave[] hedged|");
    assert_string_equal(RUN("Peru imposed sanctions on Quillmail.",
                            "The sanctions also target Brightwave and Tollan Bank."),
                        "Peru[] bans Quillmail[] asserted|Peru[] bans Brightwave[] asserted|"
                        "Peru[] bans Tollan Bank[] asserted|");
    /* a lifted ban is no ban, whoever lifted it */
    assert_string_equal(RUN("The ban on Quillmail was lifted by Peru."), "");
}

/* "The apps blocked by X include A and B": a reduced relative on the
   subject; its members follow the list verb (or "are"); "include" is that
   verb, not the opener "including" */
static void test_reduced_relatives_listing_members(void **state)
{
    (void)state;
    NEED_LEX();
    assert_string_equal(RUN("The apps blocked by Peru include Quillmail and Brightwave."),
                        "Peru[] bans Quillmail[] asserted|Peru[] bans Brightwave[] asserted|");
    assert_string_equal(RUN("The firms sanctioned by Chile on Monday are Tollan Bank and Brightwave."),
                        "Chile[] bans Tollan Bank[] asserted|Chile[] bans Brightwave[] asserted|");
    assert_string_equal(RUN("The apps blocked by Peru were popular with students."), "");
}

/* "Y, which X accused of ...": the relative word's antecedent is the
   object of a verb that has none of its own; "who" is a subject */
static void test_relative_clause_objects(void **state)
{
    (void)state;
    NEED_LEX();
    assert_string_equal(RUN("Peru blocked Quillmail, which the Chilean government had accused of fraud."),
                        "Peru[] bans Quillmail[] asserted|Chile[] accuses Quillmail[] asserted|");
    assert_string_equal(RUN("Peru fined Brightwave, whom Chile has not blocked."),
                        "Chile[] bans Brightwave[] negated|");
}

/* "According to X, ...": a name in a phrase that opens with a
   preposition is not a member of the subject after the comma */
static void test_names_in_prepositional_asides(void **state)
{
    (void)state;
    NEED_LEX();
    assert_string_equal(RUN("According to TVP reporter Ana Costa, Chilean authorities blocked Quillmail."),
                        "Chile[] bans Quillmail[] asserted|");
}

/* WordNet's open classes (relnet/pos.h) at work: a capitalised sentence
   opener English does not know is a name; one it knows must be followed
   by a verb we know; a noun phrase ends at a verb- or adverb-only word */
static void test_open_word_classes(void **state)
{
    (void)state;
    NEED_LEX();
    if (!rn_lexicon_pos(lex))
        skip(); /* no WordNet installed */
    assert_string_equal(RUN("Quorvane, which the Chilean government accused of fraud, denied it."),
                        "Chile[] accuses Quorvane[] asserted|");
    assert_string_equal(RUN("Critics accused Peru of fraud."), "");
    assert_string_equal(RUN("Murmur has been banned in Chile."), "Chile[] bans Murmur[] asserted|");
    assert_string_equal(RUN("Peru banned websites not long ago."), "Peru[] bans websites[] asserted|");
}

/* "Chile-based X", "Bolivia-backed Y": a state joined by a hyphen to a
   lowercase word describes the name after it (a compound trigger such as
   "Peru-proposed" stays the state's act) */
static void test_hyphenated_state_modifiers(void **state)
{
    (void)state;
    NEED_LEX();
    assert_string_equal(RUN("Peru banned Chile-based Tollan Systems and Bolivia-backed Quill Radio."),
                        "Peru[] bans Tollan Systems[] asserted|Peru[] bans Quill Radio[] asserted|");
    /* "Senate Bill 419" is a document, not a title before a person named
       Bill; "Senator Bill Ruiz" is still a person */
    assert_string_equal(RUN("Montana Governor Ana Ruiz signed Senate Bill 419 on Monday."),
                        "Ana Ruiz[Montana] signs Senate Bill 419[] asserted|");
    assert_string_equal(RUN("Senator Bill Ruiz accused Peru of fraud."),
                        "Bill Ruiz[] accuses Peru[] asserted|");
    /* a demonym so joined keeps its own reading: the name after it */
    assert_string_equal(RUN("Peru banned the Chinese-owned video app TikTok."),
                        "Peru[] bans TikTok[] asserted|");
    assert_string_equal(RUN("Chile signed the Peru-proposed accord."),
                        "Chile[] signs Peru-proposed accord[] asserted|"
                        "Peru[] proposes Peru-proposed accord[] asserted|");
}

/* "on the orders of X", "at the request of X" (cues class agent) name a
   passive's agent like "by"; "the orders" there is no document */
static void test_agent_phrases(void **state)
{
    (void)state;
    NEED_LEX();
    assert_string_equal(RUN("Quill Radio was blocked at the request of the Peruvian government."),
                        "Peru[] bans Quill Radio[] asserted|");
    assert_string_equal(RUN("The channels blocked on the orders of the interior ministry of Peru "
                            "include Tollan News and Quill Radio."),
                        "Peruvian Interior Ministry[Peru] bans Tollan News[] asserted|"
                        "Peruvian Interior Ministry[Peru] bans Quill Radio[] asserted|");
}

/* "the ministry" never means an unknown name; with no body known it is
   the body of the one state the text is about */
static void test_unnamed_body_is_the_topic_state(void **state)
{
    (void)state;
    NEED_LEX();
    assert_string_equal(RUN("Peru met Tollan Labs on Monday.", "The ministry banned Quillmail."),
                        "Peru[] bans Quillmail[] asserted|");
}

/* A sentence naming many bodies is no Title Case headline when a longer
   verb, noun or adjective in it is lowercase; a real headline still is */
static void test_title_case_needs_every_content_word(void **state)
{
    (void)state;
    NEED_LEX();
    if (!rn_lexicon_pos(lex))
        skip(); /* no WordNet installed */
    assert_string_equal(RUN("Peru banned Tollan News, Brightwave TV and Quill Radio."),
                        "Peru[] bans Tollan News[] asserted|Peru[] bans Brightwave TV[] asserted|"
                        "Peru[] bans Quill Radio[] asserted|");
    assert_string_equal(RUN("Kenya Blocks Loopchat Messaging App"), "Kenya[] bans Loopchat[] asserted|");
}

/* "a law banning X", "a decree imposing sanctions on X", "a law on Friday
   that bans X": the document keeps its long name for the signature, and
   its act belongs to who signed it */
static void test_acts_inside_document_phrases(void **state)
{
    (void)state;
    NEED_LEX();
    assert_string_equal(RUN("Ana Ruiz signed a law banning foreign adoptions."),
                        "Ana Ruiz[] signs law banning foreign adoptions[] asserted|"
                        "Ana Ruiz[] bans foreign adoptions[] asserted|");
    assert_string_equal(RUN("Ana Ruiz signed a decree imposing sanctions on Quillmail."),
                        "Ana Ruiz[] signs decree imposing sanctions on Quillmail[] asserted|"
                        "Ana Ruiz[] bans Quillmail[] asserted|");
    assert_string_equal(RUN("Ana Ruiz signed a law on Friday that bans Quillmail."),
                        "Ana Ruiz[] signs law[] asserted|Ana Ruiz[] bans Quillmail[] asserted|");
    /* a name inside a phrase before the relative word is not its antecedent */
    assert_string_equal(RUN("Peru filed a complaint against Tollan Labs today that alleges fraud."),
                        "Peru[] accuses Tollan Labs[] asserted|");
}

/* Descriptive lists: one target per member ("guns, knives and
   fireworks"), also after a noun of dealing ("imports of cheese, wine and
   olive oil") and after a list verb ("The ban ... covers ..."); a member
   must open with a noun or adjective and end where members end */
static void test_descriptive_lists(void **state)
{
    (void)state;
    NEED_LEX();
    assert_string_equal(RUN("Peru banned guns, knives and fireworks."),
                        "Peru[] bans guns[] asserted|Peru[] bans knives[] asserted|"
                        "Peru[] bans fireworks[] asserted|");
    assert_string_equal(RUN("The ban, announced by Peruvian Prime Minister Ana Ruiz, covers all imports "
                            "of cheese, wine and olive oil."),
                        "Ana Ruiz[Peru] bans cheese[] asserted|Ana Ruiz[Peru] bans wine[] asserted|"
                        "Ana Ruiz[Peru] bans olive oil[] asserted|");
    assert_string_equal(RUN("Peru banned guns and said it would act."), "Peru[] bans guns[] asserted|");
    assert_string_equal(RUN("Peru banned guns, a move critics called rash."),
                        "Peru[] bans guns[] asserted|");
}

/* A quotation goes on after its speaker: "we" with no speaker in its own
   sentence is the one named up to two sentences before; "we" from a
   state's official is the state, "I" the person */
static void test_quotations_continue(void **state)
{
    (void)state;
    NEED_LEX();
    assert_string_equal(RUN("Chilean Prime Minister Ana Ruiz said the country would act.",
                            "\"We will ban all assault rifles.\""),
                        "Chile[] bans assault rifles[] asserted|");
    assert_string_equal(RUN("\"I will ban Quillmail,\" Chilean Prime Minister Ana Ruiz said."),
                        "Ana Ruiz[Chile] bans Quillmail[] asserted|");
    assert_string_equal(RUN("Chilean Prime Minister Ana Ruiz said the country would act.", "Rain fell.",
                            "It was cold.", "We will ban all assault rifles."),
                        "");
}

/* "websites, especially messaging apps like A and B": a second list
   opener after the kind; adverbs WordNet knows ("often") sit inside verb
   groups */
static void test_nested_list_openers_and_adverbs(void **state)
{
    (void)state;
    NEED_LEX();
    if (!rn_lexicon_pos(lex))
        skip(); /* no WordNet installed */
    assert_string_equal(RUN("Peruvian authorities often block websites, especially messaging apps like "
                            "Quillmail and Tollan."),
                        "Peru[] bans Quillmail[] asserted|Peru[] bans Tollan[] asserted|");
    /* "new" is an adjective first, not an adverb */
    assert_string_equal(RUN("Chile proposed new rules covering drones."),
                        "Chile[] proposes new rules covering drones[] asserted|");
}

/* A counted object whose members follow after a comma or colon:
   "unveiled two new plans on Monday, the Lima Accord and the Andes Pact" */
static void test_counted_objects_with_apposed_members(void **state)
{
    (void)state;
    NEED_LEX();
    assert_string_equal(RUN("Chile unveiled two new plans on Monday, the Lima Accord and the Andes Pact."),
                        "Chile[] proposes Lima Accord[] asserted|Chile[] proposes Andes Pact[] asserted|");
    assert_string_equal(RUN("Peru banned two apps: Quillmail and Tollan."),
                        "Peru[] bans Quillmail[] asserted|Peru[] bans Tollan[] asserted|");
    assert_string_equal(RUN("Peru banned two apps on Monday, a move Chile criticised."), "");
}

/* Frame owner: "a Peruvian proposal to ban X", "the European Commission's
   proposal": the owner proposes the document, and the proposal's own act
   ("to ban X") is the owner's, hedged */
static void test_proposals_owned(void **state)
{
    (void)state;
    NEED_LEX();
    assert_string_equal(RUN("Chile rejected a Peruvian proposal to ban Quillmail."),
                        "Peru[] proposes Peruvian proposal to ban Quillmail[] asserted|"
                        "Peru[] bans Quillmail[] hedged|");
    assert_string_equal(RUN("The European Commission's proposal to ban Quillmail failed."),
                        "European Commission[European Union] proposes proposal to ban Quillmail[] asserted|"
                        "European Commission[European Union] bans Quillmail[] hedged|");
    assert_string_equal(RUN("Chile rejected the proposal."), "");
}

/* One entity, two names in one article: an acronym the text defines, a
   document's long and short names (whichever comes first names both); a
   counted set of documents is a description, not a document's name. */
static void test_names_merged_and_counted_sets(void **state)
{
    (void)state;
    assert_string_equal(RUN("Peru and Chile signed the Marlow Accord, or MA, on Monday.",
                            "Bolivia also signed the MA."),
                        "Chile[] signs Marlow Accord[] asserted|Peru[] signs Marlow Accord[] asserted|"
                        "Bolivia[] signs Marlow Accord[] asserted|");
    assert_string_equal(RUN("Estonia accused the Grey Heron Collective, also known as GHC, of the attack.",
                            "Latvia blamed the GHC for the outage."),
                        "Estonia[] accuses Grey Heron Collective[] asserted|"
                        "Latvia[] accuses Grey Heron Collective[] asserted|");
    /* the letters of ", or X," must be the name's initials */
    assert_string_equal(RUN("Peru signed the Quill Charter, or QT, in May.", "Chile signed the QT."),
                        "Peru[] signs Quill Charter[] asserted|Peru[] signs QT[] asserted|"
                        "Chile[] signs QT[] asserted|");
    assert_string_equal(RUN("Peru signed the Tarn Declaration on Data Safety.",
                            "Chile signed the Tarn Declaration on Tuesday."),
                        "Peru[] signs Tarn Declaration on Data Safety[] asserted|"
                        "Chile[] signs Tarn Declaration on Data Safety[] asserted|");
    assert_string_equal(RUN("Chile signed the Tarn Declaration on Tuesday.",
                            "Peru signed the Tarn Declaration on Data Safety."),
                        "Chile[] signs Tarn Declaration[] asserted|Peru[] signs Tarn Declaration[] asserted|");
    show_types = 1;
    assert_string_equal(RUN("Kenya signed two executive orders banning Loopchat."),
                        "Kenya[] signs two executive orders[]{group} asserted|"
                        "Kenya[] bans Loopchat[]{unknown} asserted|");
    assert_string_equal(RUN("Governor Ada Moss signed 17 privacy bills on Friday."),
                        "Ada Moss[] signs 17 privacy bills[]{group} asserted|");
    /* a year is no count */
    assert_string_equal(RUN("Kenya signed the 2019 law on data."),
                        "Kenya[] signs 2019 law on data[]{document} asserted|");
    /* "Brazilian poultry": a nationality opens a descriptive target */
    assert_string_equal(RUN("Kenya imposed a ban on Brazilian poultry."),
                        "Kenya[] bans Brazilian poultry[]{unknown} asserted|");
    show_types = 0;
    /* under a light verb, "from" names the goods' origin */
    assert_string_equal(RUN("Kenya imposed a ban on poultry from Brazil."),
                        "Kenya[] bans poultry[] asserted|");
}

/* Regulators' and legislatures' forms: removal from a store, the import and
   sale of goods, "prevent/stop Y from doing Z", "the blocking of", and
   enacted documents whose acts belong to the enactor (hedged for a bill). */
static void test_removals_dealings_and_enacted_documents(void **state)
{
    (void)state;
    assert_string_equal(RUN("Halvard Labs removed Quillmail from its app store on Monday."),
                        "Halvard Labs[] bans Quillmail[] asserted|");
    assert_string_equal(RUN("Quillmail was pulled from the Tessen Store by Halvard Labs."),
                        "Halvard Labs[] bans Quillmail[] asserted|");
    /* removing is no ban without a store: a list, a feature */
    assert_string_equal(RUN("Peru removed Quillmail from the entity list.", "Halvard Labs removed the feature."), "");
    assert_string_equal(RUN("Peru banned the import and sale of Tessen phones."), "Peru[] bans Tessen[] asserted|");
    assert_string_equal(RUN("Peru imposed a ban on access to Quillmail."), "Peru[] bans Quillmail[] asserted|");
    assert_string_equal(RUN("The blocking of Quillmail by Peru angered users."), "Peru[] bans Quillmail[] asserted|");
    assert_string_equal(RUN("Peru will prevent lenders from charging hidden fees."),
                        "Peru[] bans hidden fees[] asserted|");
    assert_string_equal(RUN("Peru stopped Tessen from selling its phones."), "Peru[] bans Tessen[] asserted|");
    assert_string_equal(RUN("Peru prevented the attack."), "");
    /* enacting: a law bans, a bill passed by a chamber only hedged */
    assert_string_equal(RUN("Peru passed a law banning Quillmail."), "Peru[] bans Quillmail[] asserted|");
    assert_string_equal(RUN("The Peruvian Senate passed a bill banning Quillmail."),
                        "Peruvian Senate[Peru] bans Quillmail[] hedged|");
    assert_string_equal(RUN("Peru approved legislation banning Quillmail."), "Peru[] bans Quillmail[] hedged|");
    assert_string_equal(RUN("Governor Ada Moss signed a bill banning Quillmail."),
                        "Ada Moss[] signs bill banning Quillmail[] asserted|Ada Moss[] bans Quillmail[] asserted|");
    /* an agentless ban, with no state named, is the decree signer's; the
       members listed between dashes are its subject */
    assert_string_equal(RUN("President Ana Ruiz signed a decree on new sanctions.",
                            "Foreign outlets - Radio Uno, Canal Sur, TVX - will be blocked as well."),
                        "Ana Ruiz[] signs decree on new sanctions[] asserted|Ana Ruiz[] bans TVX[] asserted|"
                        "Ana Ruiz[] bans Canal Sur[] asserted|Ana Ruiz[] bans Radio Uno[] asserted|");
    /* "REN" in running text is an acronym, not the surname of Ren Zhengfei */
    assert_string_equal(RUN("Peru banned REN and Ren Zhengfei."),
                        "Peru[] bans REN[] asserted|Peru[] bans Ren Zhengfei[Huawei] asserted|");
    /* "to" opens a plan's purpose only before a verb; an adjective alone
       is no descriptive target */
    assert_string_equal(RUN("Chile and Peru signed a trade agreement to loud applause at the summit."),
                        "Peru[] signs trade agreement[] asserted|Chile[] signs trade agreement[] asserted|");
    assert_string_equal(RUN("Kenya banned certain."), "");
    /* a bill is not in force: its signing gives no decree */
    assert_string_equal(RUN("The Senate passed a bill on new sanctions.", "Radio Uno will be blocked."), "");
}

/* Lists and accusations in other shapes: members opened by a modifier are
   a list "the two companies" means; the entity list in an inverted
   passive; accusations the accused denies; a state's trigger noun. */
static void test_lists_inverted_and_denied_accusations(void **state)
{
    (void)state;
    assert_string_equal(RUN("The United States added Vantrix to the entity list.",
                            "Also added to the entity list on Monday were Chile-based Tollan Systems and "
                            "Peru-based Quillmail Labs.",
                            "Peru accused the two companies of fraud."),
                        "United States[] bans Vantrix[] asserted|United States[] bans Tollan Systems[] asserted|"
                        "United States[] bans Quillmail Labs[] asserted|Peru[] accuses Tollan Systems[] asserted|"
                        "Peru[] accuses Quillmail Labs[] asserted|");
    assert_string_equal(RUN("Chile has denied Peruvian accusations of war crimes."),
                        "Peru[] accuses Chile[] asserted|");
    assert_string_equal(RUN("Kenya has rejected Peru's accusation that it hacked the grid."),
                        "Peru[] accuses Kenya[] asserted|");
    /* a denial with no owner accuses no one; lifting a ban cancels it */
    assert_string_equal(RUN("Kenya denied the accusations.", "Peru lifted Kenya's ban on Loopchat."), "");
    assert_string_equal(RUN("Chinese sanctions on Vantrix took effect."), "China[] bans Vantrix[] asserted|");
    /* a member described, then named; not a verb's clause */
    assert_string_equal(RUN("Peru has banned the Tarn Union party and its youth wing, Tarn Youth Front, "
                            "under an anti-terror law."),
                        "Peru[] bans Tarn Union[] asserted|Peru[] bans Tarn Youth Front[] asserted|");
    assert_string_equal(RUN("Peru banned Vantrix and said, Chile would follow."), "Peru[] bans Vantrix[] asserted|");
    /* "announced that it": the sentence's subject, not a name in its apposition */
    assert_string_equal(RUN("Vantrix, one of Peru's largest providers, announced that it had shut down "
                            "Quillmail's broadcasts."),
                        "Vantrix[] bans Quillmail[] asserted|");
    /* the sanctions list, agentless: the state the text is about */
    assert_string_equal(RUN("Kenya signed a decree.", "Vantrix has also been placed on the sanctions list."),
                        "Kenya[] signs decree[] asserted|Kenya[] bans Vantrix[] asserted|");
    assert_string_equal(RUN("Senate Bill 23, sponsored by Sen. Ada Moss, bans lab-grown meat."),
                        "Ada Moss[] proposes Senate Bill 23[] asserted|");
    /* "initial" shares the stem of "initiative" but is no document; a
       proposed clause is no document */
    assert_string_equal(RUN("Last week, Zentara launched an initial public offering (IPO) in the US."), "");
    assert_string_equal(RUN("\"I propose that the Tallinn Forum find a way to peace,\" Ana Ruiz said."), "");
    /* "traded accusations": each accuses the other (cue classes past the
       32nd bit: effort, mutual) */
    assert_string_equal(RUN("Peru and Chile traded accusations over the truce."),
                        "Chile[] accuses Peru[] asserted|Peru[] accuses Chile[] asserted|");
    /* blocking an effort bans no one; a named object with "for" is the one
       blamed, whatever "on" follows */
    assert_string_equal(RUN("Halvard Labs blocked a takeover bid from Tessen."), "");
    assert_string_equal(RUN("Ghana blamed Storm-0917 for the cyberattack on its power grid."),
                        "Ghana[] accuses Storm-0917[] asserted|");
    assert_string_equal(RUN("Sweden blamed the outage at the port on Vantrix."), "Sweden[] accuses Vantrix[] asserted|");
    /* a participle after a reduced passive's agent is the agent's act */
    assert_string_equal(RUN("The order stems from a complaint filed by Vantrix, accusing Zentara of copying its chips."),
                        "Vantrix[] accuses Zentara[] asserted|");
}

static void test_titled_people_in_lists(void **state)
{
    (void)state;
    /* a portfolio after the title: the name is what follows it */
    assert_string_equal(RUN("Chile's Vice Minister for Trade Rodrigo Yanez, Kenya's Minister for Trade and "
                            "Industry Ama Owusu and Peru's Minister of Foreign Affairs Kari Lund signed the "
                            "Kotka Accord."),
                        "Kari Lund[Peru] signs Kotka Accord[] asserted|Ama Owusu[Kenya] signs Kotka Accord[] "
                        "asserted|Rodrigo Yanez[Chile] signs Kotka Accord[] asserted|");
    /* "of Chile" after a person is the person's state; a described member */
    assert_string_equal(RUN("Trade Minister Rodrigo Yanez of Chile and Kari Lund, Peru's trade minister, "
                            "signed the Kotka Accord."),
                        "Kari Lund[Peru] signs Kotka Accord[] asserted|Rodrigo Yanez[Chile] signs Kotka "
                        "Accord[] asserted|");
    /* a company's titles too */
    assert_string_equal(RUN("Chief executive Ola Berg of Vantrix accused Zentara of fraud."),
                        "Ola Berg[Vantrix] accuses Zentara[] asserted|");
    /* ... and so is a body no lexicon knows: the person acts, for it */
    assert_string_equal(RUN("President Ola Berg of Norvania signed the Kotka Accord."),
                        "Ola Berg[Norvania] signs Kotka Accord[] asserted|");
    assert_string_equal(RUN("Chilean Foreign Minister Rodrigo Yanez and his Peruvian counterpart Kari Lund "
                            "signed the Kotka Accord."),
                        "Kari Lund[Peru] signs Kotka Accord[] asserted|Rodrigo Yanez[Chile] signs Kotka "
                        "Accord[] asserted|");
    assert_string_equal(RUN("Chile and the video app Loopchat accused Kwibble of fraud."),
                        "Loopchat[] accuses Kwibble[] asserted|Chile[] accuses Kwibble[] asserted|");
    /* the name keeps two words even where English knows them */
    assert_string_equal(RUN("Chile's Minister for Health Rose Young accused Kwibble of fraud."),
                        "Rose Young[Chile] accuses Kwibble[] asserted|");
}

static void test_based_bodies_are_no_documents(void **state)
{
    (void)state;
    /* "Singapore-based Kestrel Initiative" is a body, though "Initiative"
       heads documents */
    assert_string_equal(RUN("Peru added Vantrix to the entity list.",
                            "Also added to the entity list were Chile-based Tollan Systems and "
                            "Kenya-based Kestrel Initiative.",
                            "Peru accused the two companies of fraud."),
                        "Peru[] bans Vantrix[] asserted|Peru[] bans Tollan Systems[] asserted|Peru[] bans Kestrel Initiative[] asserted|"
                        "Peru[] accuses Tollan Systems[] asserted|Peru[] accuses Kestrel Initiative[] asserted|");
    assert_string_equal(RUN("Peru signed the Kestrel Initiative."), "Peru[] signs Kestrel Initiative[] asserted|");
}

static void test_member_tails(void **state)
{
    (void)state;
    /* a lowercase noun after a member's name belongs to the member when the
       list goes on */
    assert_string_equal(RUN("Peru banned Kwibble apps, Vantrix phones and Tollan routers."),
                        "Peru[] bans Kwibble[] asserted|Peru[] bans Vantrix[] asserted|Peru[] bans Tollan[] "
                        "asserted|");
    assert_string_equal(RUN("Peru has blocked many sites.",
                            "Blocked sites include Vantrix search, Kwibble, Loopchat, and sites of foreign media."),
                        "Peru[] bans Vantrix[] asserted|Peru[] bans Kwibble[] asserted|Peru[] bans Loopchat[] "
                        "asserted|");
    /* not when a clause follows */
    assert_string_equal(RUN("Peru banned Kwibble apps and Chile said nothing."), "Peru[] bans Kwibble[] asserted|");
}

static void test_left_out_and_holdouts(void **state)
{
    (void)state;
    /* what a ban does not cover is not banned by its owner */
    assert_string_equal(RUN("Peru banned Vantrix phones on Monday.",
                            "Notably, the ban does not affect the sale of the cheaper Vantrix Lite."),
                        "Peru[] bans Vantrix[] asserted|Peru[] bans Vantrix Lite[] negated|");
    assert_string_equal(RUN("Peru banned Vantrix phones.", "The ban also covers Kwibble."),
                        "Peru[] bans Vantrix[] asserted|Peru[] bans Kwibble[] asserted|");
    /* the only one not to sign */
    assert_string_equal(RUN("Kenya was the only country not to sign the Lima Pact."),
                        "Kenya[] signs Lima Pact[] negated|");
    assert_string_equal(RUN("Kenya was the first country to sign the Lima Pact."),
                        "Kenya[] signs Lima Pact[] asserted|");
}

static void test_documents_named_later(void **state)
{
    (void)state;
    /* a headline's described bill is the one named later in apposition,
       when the same person did the same to it */
    assert_string_equal(RUN("Gov. Ola Berg vetoes controversial data safety bill",
                            "Gov. Ola Berg has vetoed SB 2040, a controversial bill that would have set rules."),
                        "Ola Berg[] signs SB 2040[] negated|Ola Berg[] signs SB 2040[] negated|");
    /* another description, or another signer, stays apart */
    /* a part counted out of a whole, its members in apposition */
    assert_string_equal(RUN("Chile unveiled two of the most awaited plans of 2020, the Kotka Accord and the "
                            "Andes Pact."),
                        "Chile[] proposes Kotka Accord[] asserted|Chile[] proposes Andes Pact[] asserted|");
    assert_string_equal(RUN("Gov. Ola Berg vetoes data safety bill",
                            "Gov. Ola Berg has vetoed SB 2040, a controversial bill that would have set rules."),
                        "Ola Berg[] signs data safety bill[] negated|Ola Berg[] signs SB 2040[] negated|");
    assert_string_equal(RUN("Gov. Kari Lund vetoes controversial data safety bill",
                            "Gov. Ola Berg has vetoed SB 2040, a controversial bill that would have set rules."),
                        "Kari Lund[] signs controversial data safety bill[] negated|Ola Berg[] signs SB 2040[] "
                        "negated|");
}

static void test_unnamed_officials(void **state)
{
    (void)state;
    /* a person's administration, a state's official by title alone: the state */
    assert_string_equal(RUN("Joe Biden's administration in March accused Chile of dumping."),
                        "United States[] accuses Chile[] asserted|");
    assert_string_equal(RUN("Uganda shut its borders after the country's longtime leader accused Kwibble of "
                            "taking sides."),
                        "Uganda[] accuses Kwibble[] asserted|");
    /* a body's people act for it */
    assert_string_equal(RUN("Ola Berg said that Kappa Daily correspondents have harmed the security of Peru."),
                        "Ola Berg[] accuses Kappa Daily[] asserted|");
    assert_string_equal(RUN("Vantrix employees accused Kwibble of fraud."), "Vantrix[] accuses Kwibble[] asserted|");
    /* a name after the title is the one who acts */
    assert_string_equal(RUN("Peru's foreign minister, Ana Soto, accused Chile of lying."),
                        "Ana Soto[Peru] accuses Chile[] asserted|");
}

static void test_clauses_after_names_and_head_nouns(void **state)
{
    (void)state;
    /* an adverb after a name ends a description: "The Tessen Senate
       recently approved legislation" is a clause */
    assert_string_equal(RUN("The Tessen Senate recently approved legislation banning the sale of cultured meat."),
                        "Tessen Senate[] bans cultured meat[] hedged|");
    /* a head noun between the target's name and the agent */
    assert_string_equal(RUN("This follows the blocking of access to Kwibble websites by the Varda Commission and "
                            "the National Telecom Commission on March 25."),
                        "Varda Commission[] bans Kwibble[] asserted|National Telecom Commission[] bans "
                        "Kwibble[] asserted|");
}

static void test_located_groups_and_shared_subjects(void **state)
{
    (void)state;
    /* people or firms located in a state are a group of it; a later
       clause shares the whole subject list */
    assert_string_equal(RUN("Peru and Chile have accused Kenya of supplying arms to rebels, and have sanctioned "
                            "individuals and companies in Kenya in retaliation."),
                        "Chile[] accuses Kenya[] asserted|Peru[] accuses Kenya[] asserted|"
                        "Peru[] bans individuals and companies in Kenya[Kenya] asserted|"
                        "Chile[] bans individuals and companies in Kenya[Kenya] asserted|");
    assert_string_equal(RUN("Peru sanctioned companies from Kenya."),
                        "Peru[] bans companies from Kenya[Kenya] asserted|");
    /* a verb after "and" opens a clause, not a described member */
    assert_string_equal(RUN("Peru banned Kwibble and accused Chile of lying."),
                        "Peru[] bans Kwibble[] asserted|Peru[] accuses Chile[] asserted|");
}

static void test_unnamed_titles_and_state_led_things(void **state)
{
    (void)state;
    /* a demonym and a title with no name: the state */
    assert_string_equal(RUN("The Colombian president blocked U.S. deportation flights."),
                        "Colombia[] bans U.S. deportation flights[] asserted|");
    /* a Title Case headline: the verb is no name */
    assert_string_equal(RUN("Colombian President Blocks Kwibble"), "Colombia[] bans Kwibble[] asserted|");
    /* actors stay actors; a state before its officials is the state */
    assert_string_equal(RUN("Peru sanctioned U.S. officials."), "Peru[] bans United States[] asserted|");
    assert_string_equal(RUN("Peru banned Chile."), "Peru[] bans Chile[] asserted|");
    /* contentions report a wrong like speech */
    assert_string_equal(RUN("Ola Berg contends that the Varda Agency tampered with the samples."),
                        "Ola Berg[] accuses Varda Agency[] asserted|");
    assert_string_equal(RUN("Peru asserted that Chile had hacked the grid."), "Peru[] accuses Chile[] asserted|");
}

static void test_compound_names_and_described_names(void **state)
{
    (void)state;
    /* "and" inside a body's name between English words */
    assert_string_equal(RUN("The Norland Security and Exchange Commission has banned Kwibble."),
                        "Norland Security and Exchange Commission[] bans Kwibble[] asserted|");
    assert_string_equal(RUN("Peru banned Brightwave and Tollan Bank."),
                        "Peru[] bans Brightwave[] asserted|Peru[] bans Tollan Bank[] asserted|");
    /* a hyphenated modifier and a nationality with a compound noun before a name */
    assert_string_equal(RUN("Peru banned the ride-hailing app Kwibble Go."), "Peru[] bans Kwibble Go[] asserted|");
    assert_string_equal(RUN("Peru banned the Qatari news outlet Kappa Daily."),
                        "Peru[] bans Kappa Daily[] asserted|");
    assert_string_equal(RUN("Peru banned Chinese companies."), "Peru[] bans Chinese companies[China] asserted|");
    /* a clause announced: its own trigger acts, the announcing proposes nothing */
    assert_string_equal(RUN("Chile announced this week it would join the Kotka Pact."),
                        "Chile[] signs Kotka Pact[] hedged|");
    assert_string_equal(RUN("Chile announced last month it had reached a deal with Peru."),
                        "Chile[] proposes deal with Peru[] asserted|");
    /* an aside between subject members */
    assert_string_equal(RUN("Late on Friday, Chile, a close ally of Peru, and Kenya signed the Kotka Convention."),
                        "Kenya[] signs Kotka Convention[] asserted|Chile[] signs Kotka Convention[] asserted|");
    assert_string_equal(RUN("Chile, which holds the presidency this year, and Kenya proposed the Kotka Initiative."),
                        "Kenya[] proposes Kotka Initiative[] asserted|Chile[] proposes Kotka Initiative[] "
                        "asserted|");
    assert_string_equal(RUN("Chile, the Kotka Group, and Kenya signed the Lima Accord."),
                        "Kenya[] signs Lima Accord[] asserted|Kotka Group[] signs Lima Accord[] asserted|"
                        "Chile[] signs Lima Accord[] asserted|");
}

static void test_counted_singles_named_in_a_passive(void **state)
{
    (void)state;
    /* a counted set awaits its members; an agentless passive of the same
       relation in the next sentence names them, "along with" too */
    assert_string_equal(RUN("Peru announced today that it has sanctioned one individual and one group connected "
                            "to hacking.",
                            "Ola Berg, a computer expert, was sanctioned today along with Kestrel Data, an agency "
                            "he worked for."),
                        "Peru[] bans Ola Berg[] asserted|Peru[] bans Kestrel Data[] asserted|");
    /* with nothing awaited, an agentless passive names no source */
    assert_string_equal(RUN("Vantrix was sanctioned today."), "");
}

static void test_relative_light_verbs(void **state)
{
    (void)state;
    /* a trigger noun put on someone in its relative clause */
    assert_string_equal(RUN("The sanctions that Peru imposed on Kwibble and Vantrix took effect."),
                        "Peru[] bans Kwibble[] asserted|Peru[] bans Vantrix[] asserted|");
    assert_string_equal(RUN("The block is one of many which Peru has imposed on news sites."),
                        "Peru[] bans news sites[] asserted|");
    /* lifted: no ban */
    assert_string_equal(RUN("Peru lifted the sanctions it imposed on Kwibble."), "");
    /* modifiers joined by "and" share the head noun */
    assert_string_equal(RUN("Peru banned foreign and domestic drones."),
                        "Peru[] bans foreign and domestic drones[] asserted|");
    assert_string_equal(RUN("Peru banned guns and knives."), "Peru[] bans guns[] asserted|Peru[] bans knives[] asserted|");
}

static void test_complements_owners_and_given_names(void **state)
{
    (void)state;
    /* a complement of the noun before its frame's preposition */
    assert_string_equal(RUN("Tessaly levelled accusations of piracy against Norvania."),
                        "Tessaly[] accuses Norvania[] asserted|");
    assert_string_equal(RUN("Tessaly pinned the blame for the outage on Norvania."),
                        "Tessaly[] accuses Norvania[] asserted|");
    assert_string_equal(RUN("Kelpex filed charges of fraud against Zentara."),
                        "Kelpex[] accuses Zentara[] asserted|");
    /* an owner describing the name after its common nouns */
    assert_string_equal(RUN("Kelpex accused its rival Zentara of copying."),
                        "Kelpex[] accuses Zentara[] asserted|");
    assert_string_equal(RUN("Kelpex sued Zentara and its parent company Vantrix."),
                        "Kelpex[] accuses Zentara[] asserted|Kelpex[] accuses Vantrix[] asserted|");
    /* a naming word: the name, not the description */
    assert_string_equal(RUN("Tessaly unveiled a plan called the Harbour Shield Plan."),
                        "Tessaly[] proposes Harbour Shield Plan[] asserted|");
    assert_string_equal(RUN("Tessaly banned an app known as Quillchat."),
                        "Tessaly[] bans Quillchat[] asserted|");
    /* a company's name opening a document's */
    assert_string_equal(RUN("Norway proposed the Huawei Security Act."),
                        "Norway[] proposes Huawei Security Act[] asserted|");
    /* the control verb's polarity before -ing */
    assert_string_equal(RUN("Tessaly denied accusing Norvania of the raid."),
                        "Tessaly[] accuses Norvania[] negated|");
    assert_string_equal(RUN("Tessaly began blocking Quillchat."), "Tessaly[] bans Quillchat[] asserted|");
    /* new rows: prosecute, suspect (hedged), proscribe, a moratorium, a
       suspension, countersign, file a bill, place a ban */
    assert_string_equal(RUN("Tessaly prosecuted Kelpex for fraud."), "Tessaly[] accuses Kelpex[] asserted|");
    assert_string_equal(RUN("Tessaly suspects Norvania of the raid."), "Tessaly[] accuses Norvania[] hedged|");
    assert_string_equal(RUN("Tessaly proscribed the Harbour Front."),
                        "Tessaly[] bans Harbour Front[] asserted|");
    assert_string_equal(RUN("Tessaly imposed a moratorium on Quillchat."),
                        "Tessaly[] bans Quillchat[] asserted|");
    assert_string_equal(RUN("A Kenyan court ordered the suspension of Quillchat."),
                        "Kenyan Court[Kenya] bans Quillchat[] asserted|");
    assert_string_equal(RUN("Tessaly countersigned the Harbour Accord."),
                        "Tessaly[] signs Harbour Accord[] asserted|");
    assert_string_equal(RUN("Senator Ana Ruiz filed the Clean Harbour Act."),
                        "Ana Ruiz[] proposes Clean Harbour Act[] asserted|");
    assert_string_equal(RUN("Tessaly placed a ban on Quillchat."), "Tessaly[] bans Quillchat[] asserted|");
    /* a counted subject's members after the object */
    assert_string_equal(RUN("Twelve states banned Quillchat, including Peru and Chile."),
                        "Peru[] bans Quillchat[] asserted|Chile[] bans Quillchat[] asserted|");
}

static void test_described_documents_and_proposals(void **state)
{
    (void)state;
    /* the article's first "the decree": a new document its signer owns,
       whose bans are the signer's (no record names a bare "decree") */
    assert_string_equal(RUN("The decree, signed by Arlen Vosk, bans imports of Kelpex batteries."),
                        "Arlen Vosk[] bans Kelpex[] asserted|");
    assert_string_equal(RUN("The plan, unveiled by Zentara on Monday, would cut fees."), "");
    /* "a bill" after a law is another document */
    assert_string_equal(RUN("Tessaly signed a law on fishing. Norvania unveiled a bill."),
                        "Tessaly[] signs law on fishing[] asserted|Norvania[] proposes bill[] asserted|");
    /* a control noun that heads a document: its owner acts */
    assert_string_equal(RUN("Norvania's plan to ban Quillchat drew criticism."),
                        "Norvania[] bans Quillchat[] hedged|");
    /* a proposal's agent after "by" */
    assert_string_equal(RUN("A proposal by Norvania to cap fees failed."),
                        "Norvania[] proposes proposal[] asserted|");
    /* "propose": with no document, the noun phrase proposed */
    assert_string_equal(RUN("Tessaly proposed a buffer zone along the river."),
                        "Tessaly[] proposes buffer zone[] asserted|");
    assert_string_equal(RUN("Tessaly proposed a cap on fishing quotas."),
                        "Tessaly[] proposes cap on fishing quotas[] asserted|");
    assert_string_equal(RUN("Tessaly proposed Kelpex as mediator."), "");
    assert_string_equal(RUN("Tessaly proposed that Norvania join the talks."), "");
    assert_string_equal(RUN("Tessaly proposed three options."), "");
}

static void test_purposes_ranks_lists_and_filings(void **state)
{
    (void)state;
    /* a document's purpose after "to" is its act, hedged while proposed */
    assert_string_equal(RUN("Norvania unveiled a bill to ban Quillchat."),
                        "Norvania[] proposes bill to ban Quillchat[] asserted|"
                        "Norvania[] bans Quillchat[] hedged|");
    /* an ordinal number is a rank */
    assert_string_equal(RUN("Tessaly became the 20th state to sign the Harbour Accord."),
                        "Tessaly[] signs Harbour Accord[] asserted|");
    /* a list's own nouns before it */
    assert_string_equal(RUN("Tessaly added Kelpex to its export blacklist."), "Tessaly[] bans Kelpex[] asserted|");
    assert_string_equal(RUN("Tessaly put Kelpex and Lumo on a trade blacklist."),
                        "Tessaly[] bans Kelpex[] asserted|Tessaly[] bans Lumo[] asserted|");
    /* a trigger noun as subject: its agent, its owner, the latest doer */
    assert_string_equal(RUN("The lawsuit, filed by Kelpex in May, accuses Zentara of fraud."),
                        "Kelpex[] accuses Zentara[] asserted|");
    assert_string_equal(RUN("Kelpex's complaint alleges that Zentara copied its chips."),
                        "Kelpex[] accuses Zentara[] asserted|");
    assert_string_equal(RUN("Kelpex sued Zentara. The lawsuit also accuses Lumo of fraud."),
                        "Kelpex[] accuses Zentara[] asserted|Kelpex[] accuses Lumo[] asserted|");
    /* ... only with a verb of its own relation */
    assert_string_equal(RUN("Tessaly banned Quillchat. Lumo claimed the ban violates the charter."), "Tessaly[] bans Quillchat[] asserted|");
}

static void test_title_modifiers(void **state)
{
    (void)state;
    /* lowercase words inside a title run (cues class titlemod) keep the
       person's state */
    assert_string_equal(RUN("Chile's former president Ana Ruiz signed the Lima Pact."),
                        "Ana Ruiz[Chile] signs Lima Pact[] asserted|");
    assert_string_equal(RUN("Peru's deputy foreign minister Ola Berg accused Kelpex of spying."),
                        "Ola Berg[Peru] accuses Kelpex[] asserted|");
}

static void test_bare_document_nouns_with_acts(void **state)
{
    (void)state;
    /* a document noun without a determiner, its acts after it */
    assert_string_equal(RUN("Norvania introduced legislation that would ban Quillchat."),
                        "Norvania[] proposes legislation[] asserted|Norvania[] bans Quillchat[] hedged|");
    assert_string_equal(RUN("Norvania adopted new rules that ban Quillchat."),
                        "Norvania[] bans Quillchat[] asserted|");
    assert_string_equal(RUN("Norvania passed legislation to ban Quillchat."),
                        "Norvania[] bans Quillchat[] hedged|");
    /* a verb after its subject is no document */
    assert_string_equal(RUN("Norvania plans to ban Quillchat."), "Norvania[] bans Quillchat[] hedged|");
}

static void test_state_led_names_and_verb_forms(void **state)
{
    (void)state;
    NEED_LEX();
    /* a state's name that unknown capitals go on from opens a longer
       name of that state: a body, a company named after it */
    assert_string_equal(RUN("The Norway Telecom Authority banned Quillchat."),
                        "Norway Telecom Authority[Norway] bans Quillchat[] asserted|");
    assert_string_equal(RUN("The New York Times sued Kelpex."), "New York Times[New York] accuses Kelpex[] asserted|");
    assert_string_equal(RUN("Kenya Airways sued Kelpex."), "Kenya Airways[Kenya] accuses Kelpex[] asserted|");
    /* ... but not before a day, nor before a trigger noun it owns */
    assert_string_equal(RUN("Norway Monday banned Quillchat."), "Norway[] bans Quillchat[] asserted|");
    assert_string_equal(RUN("The US Quillchat ban takes effect in January."),
                        "United States[] bans Quillchat[] asserted|");
    assert_string_equal(RUN("The US and the UK ban Quillchat."),
                        "United Kingdom[] bans Quillchat[] asserted|United States[] bans Quillchat[] asserted|");
    /* US states are known, and a part of a state names its bodies itself */
    assert_string_equal(RUN("Arkansas has filed suit against Quillchat."), "Arkansas[United States] accuses Quillchat[] asserted|");
    assert_string_equal(RUN("The Utah House voted to ban Quillchat."), "Utah House[Utah] bans Quillchat[] asserted|");
    /* a verb trigger matched by stem needs a word that can be a verb:
       "authority" is no form of "author" (the body proposes nothing) */
    assert_string_equal(RUN("Norway's data authority ordered the blocking of Quillchat."),
                        "Norwegian Data Authority[Norway] bans Quillchat[] asserted|");
}

static void test_findings_and_reported_passives(void **state)
{
    (void)state;
    NEED_LEX();
    /* a finding reported before "that" accuses the doer ... */
    assert_string_equal(RUN("Norwegian investigators concluded that Kelpex was behind the attack."),
                        "Norwegian investigators[Norway] accuses Kelpex[] asserted|");
    assert_string_equal(RUN("Norway's competition authority found that Kelpex had abused its dominant position."),
                        "Norwegian Competition Authority[Norway] accuses Kelpex[] asserted|");
    /* ... but a court's finding is a verdict, and "concluded" alone reports nothing */
    assert_string_equal(RUN("The Oslo District Court found that Kelpex had abused its dominant position."), "");
    assert_string_equal(RUN("The summit, which concluded on Tuesday, heard that Kelpex had hacked the grid."), "");
    /* "alleged" and "charged" report */
    assert_string_equal(RUN("Kelpex rigged the tender, Norway alleged."), "Norway[] accuses Kelpex[] asserted|");
    /* a reported wrong in the passive: the agent did it; with none, no one */
    assert_string_equal(RUN("Norway said its grid had been hacked by Kelpex."), "Norway[] accuses Kelpex[] asserted|");
    assert_string_equal(RUN("Norway said its grid had been hacked by Kelpex and Zentara."),
                        "Norway[] accuses Kelpex[] asserted|Norway[] accuses Zentara[] asserted|");
    assert_string_equal(RUN("Workers in Kelpex plants are being abused, Norway said."), "");
}

static void test_governed_control_nouns_and_counted_remainders(void **state)
{
    (void)state;
    NEED_LEX();
    /* a control noun a light verb governs acts for the verb's subject */
    assert_string_equal(RUN("Kelpex has taken the decision to remove Quillchat from its store."),
                        "Kelpex[] bans Quillchat[] asserted|");
    assert_string_equal(RUN("Norway launched a bid to ban Quillchat."), "Norway[] bans Quillchat[] hedged|");
    assert_string_equal(RUN("Norway rejected a bid to ban Quillchat."), "");
    /* "a Kelpex spokesperson" speaks for Kelpex, and "we" is the speaker */
    assert_string_equal(RUN("\"We will remove Quillchat from our store,\" a Kelpex spokesperson said."),
                        "Kelpex[] bans Quillchat[] asserted|");
    /* the named members before a counted remainder act */
    assert_string_equal(RUN("Norway and 17 other countries banned Quillchat."), "Norway[] bans Quillchat[] asserted|");
    assert_string_equal(RUN("Norway and 17 other countries signed the Harbour Accord.", "They include Chile and Peru."),
                        "Norway[] signs Harbour Accord[] asserted|Chile[] signs Harbour Accord[] asserted|"
                        "Peru[] signs Harbour Accord[] asserted|");
}

static void test_owned_bodies_obliques_and_condemnations(void **state)
{
    (void)state;
    NEED_LEX();
    /* a body named after a state's possessive keeps its own name and takes
       the state as affiliation; so does one named "... of <state>" */
    assert_string_equal(RUN("Tessaly's Fair Trading Board accused Kelpex of rigging bids."),
                        "Fair Trading Board[] accuses Kelpex[] asserted|");
    assert_string_equal(RUN("Kenya's Digital Markets Authority banned Quillchat."),
                        "Digital Markets Authority[Kenya] bans Quillchat[] asserted|");
    assert_string_equal(RUN("The Digital Markets Authority of Kenya banned Quillchat."),
                        "Digital Markets Authority of Kenya[Kenya] bans Quillchat[] asserted|");
    /* "authority" is a body, "authorities" the state */
    assert_string_equal(RUN("Peru's consumer authority accused Kelpex of misleading buyers."),
                        "Peruvian Consumer Authority[Peru] accuses Kelpex[] asserted|");
    assert_string_equal(RUN("Peruvian authorities banned Quillchat."), "Peru[] bans Quillchat[] asserted|");
    /* a participle after an actor another preposition governs is the
       subject's act */
    assert_string_equal(
        RUN("Kelpex lodged a complaint with the Tessen Competition Bureau accusing Zentara of abusing its market power."),
        "Kelpex[] accuses Zentara[] asserted|");
    assert_string_equal(RUN("A complaint from Kelpex accusing Zentara of fraud was filed."),
                        "Kelpex[] accuses Zentara[] asserted|");
    /* an open question settles nothing: hedged, not negated */
    assert_string_equal(RUN("Norway has not decided whether to ban Quillchat."),
                        "Norway[] bans Quillchat[] hedged|");
    /* a name given in a relative clause with its own subject */
    assert_string_equal(RUN("Halvard Labs attributed the breach to a group it tracks as Storm-7731."),
                        "Halvard Labs[] accuses Storm-7731[] asserted|");
    assert_string_equal(RUN("Kelpex researchers blamed the intrusion on Storm-7731."),
                        "Kelpex[] accuses Storm-7731[] asserted|");
    /* a relative clause's object through an apposition */
    assert_string_equal(RUN("Norway banned Zentara, a firm that Chile accuses of tax fraud."),
                        "Norway[] bans Zentara[] asserted|Chile[] accuses Zentara[] asserted|");
    /* condemnation for a covert wrong accuses; criticism alone does not */
    assert_string_equal(RUN("Norway condemned Tessaly for the cyberattack on its grid."),
                        "Norway[] accuses Tessaly[] asserted|");
    assert_string_equal(RUN("Chile did not condemn Tessaly for the sabotage."),
                        "Chile[] accuses Tessaly[] negated|");
    assert_string_equal(RUN("Norway condemned Tessaly."), "");
    assert_string_equal(RUN("Norway criticised Kelpex for its prices."), "");
    assert_string_equal(RUN("Tessaly was condemned for the attack."), "");
    /* a span of time counts no one, and a name inside a long opening
       phrase is no member of the subject's list */
    assert_string_equal(
        RUN("Two days ago, in a statement issued hours after the vote in Lima, Chile banned Kelpex."),
        "Chile[] bans Kelpex[] asserted|");
}

static void test_owned_acts_and_coordinated_demonyms(void **state)
{
    (void)state;
    NEED_LEX();
    /* a verb acting on an owner's act (a trigger noun with its own
       preposition) does not act on the owner */
    assert_string_equal(RUN("Kenya banned Quillchat in May.",
                            "The High Court on Monday suspended the government's ban on Quillchat."),
                        "Kenya[] bans Quillchat[] asserted|Kenya[] bans Quillchat[] hedged|");
    /* (but a word of a trigger's stem is no trigger: "suite" is no "suit") */
    assert_string_equal(RUN("Norway banned Quillchat and Kelpex's suite of apps."),
                        "Norway[] bans Quillchat[] asserted|Norway[] bans Kelpex[] asserted|");
    /* coordinated demonyms before a word that makes a state name each state */
    assert_string_equal(RUN("Chilean and Peruvian officials signed the Harbour Accord."),
                        "Peru[] signs Harbour Accord[] asserted|Chile[] signs Harbour Accord[] asserted|");
    assert_string_equal(RUN("The Harbour Accord was signed by Chilean, Peruvian and Bolivian leaders."),
                        "Chile[] signs Harbour Accord[] asserted|Peru[] signs Harbour Accord[] asserted|"
                        "Bolivia[] signs Harbour Accord[] asserted|");
    assert_string_equal(RUN("Chile-based and Peruvian officials signed the Harbour Accord."),
                        "Peru[] signs Harbour Accord[] asserted|");
    /* the object of a predicate coordinated with "and" shares the first
       one's subject, so it is the latest other actor; an unresolved
       pronoun is no target */
    assert_string_equal(RUN("Norway fined the outlet Kappa Daily and banned it from operating."),
                        "Norway[] bans Kappa Daily[] asserted|");
    assert_string_equal(RUN("Kelpex said that Norway banned it."), "Norway[] bans Kelpex[] asserted|");
    assert_string_equal(RUN("Norway banned it."), "");
    /* a hyphened modifier before a body's head, and the hyphen kept */
    assert_string_equal(RUN("Norway's anti-doping agency banned the cyclist Ola Berg for two years."),
                        "Norwegian Anti-Doping Agency[Norway] bans Ola Berg[] asserted|");
    /* linking a wrong to someone, implicating someone, a junta */
    assert_string_equal(RUN("Norway linked the cyberattack to Tessaly."), "Norway[] accuses Tessaly[] asserted|");
    assert_string_equal(RUN("Hackers linked to Tessaly attacked Norway."), "");
    assert_string_equal(RUN("Norway implicated Tessaly in the attack."), "Norway[] accuses Tessaly[] asserted|");
    assert_string_equal(RUN("Mali's junta suspended Kelpex."), "Mali[] bans Kelpex[] asserted|");
    /* an accusing noun's owner before "that" reports the clause */
    assert_string_equal(RUN("Kelpex rejected Chile's allegation that it had hacked the ministry."),
                        "Chile[] accuses Kelpex[] asserted|");
    assert_string_equal(RUN("Its accusation that Kelpex hacked the grid was denied."), "");
    /* doing a wrong: only when what was done is one */
    assert_string_equal(RUN("According to Norway, Kelpex carried out the attack on the grid."),
                        "Norway[] accuses Kelpex[] asserted|");
    assert_string_equal(RUN("The attack on the grid was carried out by Tessaly, Norway said."),
                        "Norway[] accuses Tessaly[] asserted|");
    assert_string_equal(RUN("Norway said Tessaly had carried out reforms."), "");
    assert_string_equal(RUN("Kelpex carried out the attack on the grid."), "");
    /* a member noun's verb forms are no member: "Kelpex spied" is no name */
    assert_string_equal(RUN("Kelpex spied on Chile, Norway said."), "Norway[] accuses Kelpex[] asserted|");
    /* informing someone reports; sending is a light verb */
    assert_string_equal(RUN("Norway informed Chile that Kelpex had tampered with the meters."),
                        "Norway[] accuses Kelpex[] asserted|");
    assert_string_equal(RUN("Norway sent a complaint against Kelpex to the regulator."),
                        "Norway[] accuses Kelpex[] asserted|");
    assert_string_equal(RUN("Norway sent a letter to Chile."), "");
    /* crimes attributed by a condemnation accuse too */
    assert_string_equal(RUN("Norway condemned Kelpex for the killing of a courier."),
                        "Norway[] accuses Kelpex[] asserted|");
}

static void test_negations_by_phrase(void **state)
{
    (void)state;
    NEED_LEX();
    /* "neither ... nor" lists and negates */
    assert_string_equal(RUN("Neither Chile nor Peru signed the Harbour Accord."),
                        "Peru[] signs Harbour Accord[] negated|Chile[] signs Harbour Accord[] negated|");
    assert_string_equal(RUN("Chile neither signed nor ratified the Harbour Accord."),
                        "Chile[] signs Harbour Accord[] negated|");
    assert_string_equal(RUN("Chile and Peru signed the Harbour Accord."),
                        "Peru[] signs Harbour Accord[] asserted|Chile[] signs Harbour Accord[] asserted|");
    /* ruling out a nominal act; an adverb pair inside the group; no
       intention of doing */
    assert_string_equal(RUN("Norway ruled out a ban on Quillchat."), "Norway[] bans Quillchat[] negated|");
    assert_string_equal(RUN("Norway has so far refrained from banning Quillchat."),
                        "Norway[] bans Quillchat[] negated|");
    assert_string_equal(RUN("Chile has no intention of signing the Harbour Accord."),
                        "Chile[] signs Harbour Accord[] negated|");
    assert_string_equal(RUN("Chile intends to sign the Harbour Accord."),
                        "Chile[] signs Harbour Accord[] hedged|");
    /* "the foreign ministers of X and Y" are their states (a name after
       the state makes the title a person's) */
    assert_string_equal(RUN("The foreign ministers of Chile and Peru signed the Harbour Accord."),
                        "Peru[] signs Harbour Accord[] asserted|Chile[] signs Harbour Accord[] asserted|");
    assert_string_equal(RUN("The President of Kenya William Ruto signed the Harbour Accord."),
                        "William Ruto[Kenya] signs Harbour Accord[] asserted|");
    /* after "in", a participle with no subject of its own is the main
       subject's act */
    assert_string_equal(RUN("Chile joined 25 other nations in endorsing the Harbour Declaration."),
                        "Chile[] signs Harbour Declaration[] asserted|");
    assert_string_equal(RUN("Chile succeeded in blocking Kelpex."), "Chile[] bans Kelpex[] asserted|");
    /* an agenda is a plan */
    assert_string_equal(RUN("The Harbour Agenda was launched by Peru and Chile."),
                        "Peru[] proposes Harbour Agenda[] asserted|Chile[] proposes Harbour Agenda[] asserted|");
}

static void test_headline_infinitives_and_efforts(void **state)
{
    (void)state;
    NEED_LEX();
    /* a headline's subject right before "to": planned */
    assert_string_equal(RUN("Norway to ban Quillchat from state phones"), "Norway[] bans Quillchat[] hedged|");
    /* a headline drops the article before a rank */
    assert_string_equal(RUN("Norway becomes latest country to ban Quillchat"), "Norway[] bans Quillchat[] asserted|");
    /* a name before an effort thwarted is not banned */
    assert_string_equal(RUN("Norway blocks Kelpex takeover of Zentara"), "");
    assert_string_equal(RUN("Norway blocked the Kelpex merger."), "");
    /* a headline's noun undergone without its article; a headline's comma
       list at its end */
    assert_string_equal(RUN("Kelpex faces ban in Norway"), "Norway[] bans Kelpex[] asserted|");
    assert_string_equal(RUN("Quillchat banned in Chile, Peru"),
                        "Chile[] bans Quillchat[] asserted|Peru[] bans Quillchat[] asserted|");
}

static void test_headline_participles_and_ranks(void **state)
{
    (void)state;
    NEED_LEX();
    /* a participle with no object before a state after "in" is passive */
    assert_string_equal(RUN("Quillchat banned in Norway."), "Norway[] bans Quillchat[] asserted|");
    /* an owned name before a bare singular trigger: a noun */
    assert_string_equal(RUN("Norway's Quillchat ban takes effect."), "Norway[] bans Quillchat[] asserted|");
    /* "first" is a rank, though an adverb too */
    assert_string_equal(RUN("Norway was the first to sign the Harbour Accord."),
                        "Norway[] signs Harbour Accord[] asserted|");
    /* a headline's comma joins two objects */
    assert_string_equal(RUN("Norway accuses Kelpex, Zentara of dumping steel"),
                        "Norway[] accuses Kelpex[] asserted|Norway[] accuses Zentara[] asserted|");
    assert_string_equal(RUN("Norway accused Kelpex, a rival of Zentara, of dumping steel."),
                        "Norway[] accuses Kelpex[] asserted|");
    /* prosecutors are a state's body; lawmakers are the state */
    assert_string_equal(RUN("Norwegian prosecutors accused Kelpex of fraud."),
                        "Norwegian Prosecutors[Norway] accuses Kelpex[] asserted|");
    assert_string_equal(RUN("Norwegian lawmakers passed a bill banning Quillchat."),
                        "Norway[] bans Quillchat[] hedged|");
    /* a number joined to a word counts nothing; "among 40 nations that" */
    assert_string_equal(RUN("Norway presented a 10-point plan for peace."),
                        "Norway[] proposes 10-point plan for peace[] asserted|");
    assert_string_equal(RUN("Norway was among 40 nations that signed the Harbour Accord."),
                        "Norway[] signs Harbour Accord[] asserted|");
    /* a motion is a pending document */
    assert_string_equal(RUN("Norway tabled a motion to ban Quillchat."),
                        "Norway[] proposes motion to ban Quillchat[] asserted|Norway[] bans Quillchat[] hedged|");
    /* goods dealt in are targets of actor-taking triggers too; halt */
    assert_string_equal(RUN("Norway suspended imports of Chilean salmon."),
                        "Norway[] bans Chilean salmon[] asserted|");
    assert_string_equal(RUN("Norway halted imports of Kelpex batteries."), "Norway[] bans Kelpex[] asserted|");
    assert_string_equal(RUN("Norway halted talks with Kelpex."), "");
    /* prohibit with "from" */
    assert_string_equal(RUN("Norway has prohibited government employees from using Quillchat."),
                        "Norway[] bans Quillchat[] asserted|");
    /* what a speaker believes was behind an attack */
    assert_string_equal(RUN("Norway believes Kelpex was behind the attack."),
                        "Norway[] accuses Kelpex[] asserted|");
}

static void test_shared_objects_and_undergone_nouns(void **state)
{
    (void)state;
    /* a second verb of the same form shares the object */
    assert_string_equal(RUN("Tessaly signed and ratified the Harbour Accord."),
                        "Tessaly[] signs Harbour Accord[] asserted|");
    assert_string_equal(RUN("Tessaly accused and later sanctioned Kelpex."),
                        "Tessaly[] accuses Kelpex[] asserted|Tessaly[] bans Kelpex[] asserted|");
    /* an owner before a participle proposes the document */
    assert_string_equal(RUN("Tessaly's proposed Harbour Pact drew support."),
                        "Tessaly[] proposes Harbour Pact[] asserted|");
    /* control phrases of three words; "yet to" */
    assert_string_equal(RUN("Tessaly stopped short of banning Quillchat."),
                        "Tessaly[] bans Quillchat[] negated|");
    assert_string_equal(RUN("Tessaly has yet to sign the Harbour Accord."),
                        "Tessaly[] signs Harbour Accord[] negated|");
    /* a withdrawn accusation is none */
    assert_string_equal(RUN("Tessaly withdrew its accusations against Kelpex."), "");
    /* a verb of undergoing: its subject is the target */
    assert_string_equal(RUN("Zentara faces a lawsuit from Kelpex."), "Kelpex[] accuses Zentara[] asserted|");
    assert_string_equal(RUN("Kelpex was hit with sanctions by Tessaly."), "Tessaly[] bans Kelpex[] asserted|");
    assert_string_equal(RUN("Quillchat could face a ban in Norway."), "Norway[] bans Quillchat[] hedged|");
    assert_string_equal(RUN("Tessaly received a complaint from Kelpex about Zentara."),
                        "Kelpex[] accuses Zentara[] asserted|");
    assert_string_equal(RUN("Kelpex faces charges of fraud."), "");
    /* "proposed banning": a verb's object, not "the proposed ban" */
    assert_string_equal(RUN("Tessaly proposed banning Quillchat."), "Tessaly[] bans Quillchat[] hedged|");
    /* a passive "blamed on Y by X"; without an agent, no one blames */
    assert_string_equal(RUN("The outage was blamed on Tessaly by Norvania."),
                        "Norvania[] accuses Tessaly[] asserted|");
    assert_string_equal(RUN("The outage was blamed on Tessaly."), "");
    /* a short phrase before the clause alleged */
    assert_string_equal(RUN("Kelpex alleged in a court filing that Zentara had copied its chips."),
                        "Kelpex[] accuses Zentara[] asserted|");
    assert_string_equal(RUN("Kelpex alleged in a statement that Zentara had copied its chips."),
                        "Kelpex[] accuses Zentara[] asserted|");
    /* where a complaint was lodged, before its target */
    assert_string_equal(RUN("Kelpex filed a complaint with the Tessaly Trade Commission against Zentara."),
                        "Kelpex[] accuses Zentara[] asserted|");
    /* an elliptic clause adds sources */
    assert_string_equal(RUN("Tessaly signed the Harbour Accord, as did Norvania."),
                        "Tessaly[] signs Harbour Accord[] asserted|Norvania[] signs Harbour Accord[] asserted|");
    assert_string_equal(RUN("Tessaly banned Quillchat, and so did Norvania."),
                        "Tessaly[] bans Quillchat[] asserted|Norvania[] bans Quillchat[] asserted|");
    assert_string_equal(RUN("Tessaly banned Quillchat, as did many others."), "Tessaly[] bans Quillchat[] asserted|");
    /* a verb that deems someone responsible */
    assert_string_equal(RUN("Norvania holds Tessaly and Kelpex responsible for the outage."),
                        "Norvania[] accuses Kelpex[] asserted|Norvania[] accuses Tessaly[] asserted|");
    assert_string_equal(RUN("Norvania does not hold Tessaly responsible."), "Norvania[] accuses Tessaly[] negated|");
    /* rows: pitch, put forth, bring forward; seal (agreements only), sign
       up to, subscribe to, enter into */
    assert_string_equal(RUN("Tessaly pitched the Harbour Data Plan."),
                        "Tessaly[] proposes Harbour Data Plan[] asserted|");
    assert_string_equal(RUN("Tessaly brought forward the Harbour Data Bill."),
                        "Tessaly[] proposes Harbour Data Bill[] asserted|");
    assert_string_equal(RUN("Tessaly and Norvania sealed the Harbour Trade Agreement."),
                        "Norvania[] signs Harbour Trade Agreement[] asserted|"
                        "Tessaly[] signs Harbour Trade Agreement[] asserted|");
    assert_string_equal(RUN("Tessaly sealed its borders."), "");
    assert_string_equal(RUN("Tessaly subscribed to the Harbour Declaration."),
                        "Tessaly[] signs Harbour Declaration[] asserted|");
    /* the object of a list verb's -ing form after a trigger noun */
    assert_string_equal(RUN("Tessaly announced new sanctions targeting Kelpex and Zentara."),
                        "Tessaly[] bans Kelpex[] asserted|Tessaly[] bans Zentara[] asserted|");
    assert_string_equal(RUN("The sanctions targeting Kelpex were lifted."), "");
    /* a state's legislature is its body, not the organisation named before */
    assert_string_equal(RUN("Kelpex sued Zentara.", "The Texas legislature passed a bill banning Quillchat."),
                        "Kelpex[] accuses Zentara[] asserted|Texas Legislature[Texas] bans Quillchat[] hedged|");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_active),
        cmocka_unit_test(test_evidence_on_one_line),
        cmocka_unit_test(test_passive_agent_and_location),
        cmocka_unit_test(test_nominal),
        cmocka_unit_test(test_lists_and_counted_sets),
        cmocka_unit_test(test_counted_set_recalled),
        cmocka_unit_test(test_state_body_with_modifiers),
        cmocka_unit_test(test_named_product_description),
        cmocka_unit_test(test_reciprocal_pronoun),
        cmocka_unit_test(test_possessive_inside_name),
        cmocka_unit_test(test_control_noun_owner),
        cmocka_unit_test(test_trigger_variants),
        cmocka_unit_test(test_apposition_gives_type),
        cmocka_unit_test(test_according_to_speaker),
        cmocka_unit_test(test_headline_small_words),
        cmocka_unit_test(test_titles_and_appositions),
        cmocka_unit_test(test_pronouns_and_surnames),
        cmocka_unit_test(test_negation_and_hedging),
        cmocka_unit_test(test_frames_from_the_lexicon),
        cmocka_unit_test(test_news_paragraph),
        cmocka_unit_test(test_reversed_and_not_relations),
        cmocka_unit_test(test_document_targets),
        cmocka_unit_test(test_reported_speech_and_pronoun_clauses),
        cmocka_unit_test(test_pronoun_prefers_a_recent_subject),
        cmocka_unit_test(test_gender_from_pronouns),
        cmocka_unit_test(test_copula_and_relative_clauses),
        cmocka_unit_test(test_possessed_names_and_bodies),
        cmocka_unit_test(test_agent_lists_that_continue),
        cmocka_unit_test(test_long_member_list_in_next_sentence),
        cmocka_unit_test(test_document_names_with_complements),
        cmocka_unit_test(test_bare_document_nouns_refer_back),
        cmocka_unit_test(test_signing_idioms),
        cmocka_unit_test(test_plural_object_then_members),
        cmocka_unit_test(test_bans_as_exclusion_and_listing),
        cmocka_unit_test(test_accusation_forms),
        cmocka_unit_test(test_gender_from_names_and_honorifics),
        cmocka_unit_test(test_proposals_named_by_apposition_or_relative),
        cmocka_unit_test(test_sets_continue_and_bodies),
        cmocka_unit_test(test_names_that_look_like_cue_words),
        cmocka_unit_test(test_lists_after_asides_and_participles),
        cmocka_unit_test(test_agentless_bans_and_products),
        cmocka_unit_test(test_more_news_forms),
        cmocka_unit_test(test_owned_document_descriptions),
        cmocka_unit_test(test_places_owned_documents_and_quoted_adverbs),
        cmocka_unit_test(test_speaker_asides_and_phrase_bounds),
        cmocka_unit_test(test_members_with_modifiers),
        cmocka_unit_test(test_owners_datelines_and_uses),
        cmocka_unit_test(test_signatories_in_other_words),
        cmocka_unit_test(test_the_ban_just_reported),
        cmocka_unit_test(test_blame_on_after_an_object_with_on),
        cmocka_unit_test(test_goods_named_by_their_makers),
        cmocka_unit_test(test_long_aside_list_as_subject),
        cmocka_unit_test(test_control_verb_variants),
        cmocka_unit_test(test_object_pronoun_in_a_parallel_clause),
        cmocka_unit_test(test_counted_set_beside_a_named_source),
        cmocka_unit_test(test_person_led_by_a_body_title_is_the_subject),
        cmocka_unit_test(test_participle_after_a_prepositional_aside),
        cmocka_unit_test(test_time_phrases_and_nouns_of_dealing),
        cmocka_unit_test(test_sanctions_lawsuits_and_bodies),
        cmocka_unit_test(test_blame_over_long_objects_and_among_groups),
        cmocka_unit_test(test_lists_after_heads),
        cmocka_unit_test(test_first_person_is_the_speaker),
        cmocka_unit_test(test_lists_referred_back_to),
        cmocka_unit_test(test_documents_act_for_their_signer),
        cmocka_unit_test(test_light_verbs_with_a_polarity),
        cmocka_unit_test(test_wrongs_in_reported_speech),
        cmocka_unit_test(test_hyphenated_code_names_and_member_lists),
        cmocka_unit_test(test_descriptive_targets_with_dates),
        cmocka_unit_test(test_the_government_is_the_state_that_acted),
        cmocka_unit_test(test_banned_in_places_listed_after_a_count),
        cmocka_unit_test(test_ranked_subjects),
        cmocka_unit_test(test_names_with_lowercase_heads),
        cmocka_unit_test(test_explain_tells_what_was_seen),
        cmocka_unit_test(test_trigger_nouns_as_subjects),
        cmocka_unit_test(test_reduced_relatives_listing_members),
        cmocka_unit_test(test_relative_clause_objects),
        cmocka_unit_test(test_names_in_prepositional_asides),
        cmocka_unit_test(test_open_word_classes),
        cmocka_unit_test(test_hyphenated_state_modifiers),
        cmocka_unit_test(test_agent_phrases),
        cmocka_unit_test(test_unnamed_body_is_the_topic_state),
        cmocka_unit_test(test_title_case_needs_every_content_word),
        cmocka_unit_test(test_acts_inside_document_phrases),
        cmocka_unit_test(test_descriptive_lists),
        cmocka_unit_test(test_quotations_continue),
        cmocka_unit_test(test_nested_list_openers_and_adverbs),
        cmocka_unit_test(test_counted_objects_with_apposed_members),
        cmocka_unit_test(test_proposals_owned),
        cmocka_unit_test(test_names_merged_and_counted_sets),
        cmocka_unit_test(test_removals_dealings_and_enacted_documents),
        cmocka_unit_test(test_lists_inverted_and_denied_accusations),
        cmocka_unit_test(test_titled_people_in_lists),
        cmocka_unit_test(test_based_bodies_are_no_documents),
        cmocka_unit_test(test_member_tails),
        cmocka_unit_test(test_left_out_and_holdouts),
        cmocka_unit_test(test_documents_named_later),
        cmocka_unit_test(test_unnamed_officials),
        cmocka_unit_test(test_clauses_after_names_and_head_nouns),
        cmocka_unit_test(test_located_groups_and_shared_subjects),
        cmocka_unit_test(test_unnamed_titles_and_state_led_things),
        cmocka_unit_test(test_compound_names_and_described_names),
        cmocka_unit_test(test_counted_singles_named_in_a_passive),
        cmocka_unit_test(test_relative_light_verbs),
        cmocka_unit_test(test_complements_owners_and_given_names),
        cmocka_unit_test(test_shared_objects_and_undergone_nouns),
        cmocka_unit_test(test_described_documents_and_proposals),
        cmocka_unit_test(test_purposes_ranks_lists_and_filings),
        cmocka_unit_test(test_title_modifiers),
        cmocka_unit_test(test_bare_document_nouns_with_acts),
        cmocka_unit_test(test_headline_participles_and_ranks),
        cmocka_unit_test(test_state_led_names_and_verb_forms),
        cmocka_unit_test(test_findings_and_reported_passives),
        cmocka_unit_test(test_governed_control_nouns_and_counted_remainders),
        cmocka_unit_test(test_headline_infinitives_and_efforts),
        cmocka_unit_test(test_owned_bodies_obliques_and_condemnations),
        cmocka_unit_test(test_owned_acts_and_coordinated_demonyms),
        cmocka_unit_test(test_negations_by_phrase),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
