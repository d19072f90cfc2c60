"""Reading the dependency parse: subjects, objects, prepositions, governors and the keys words are looked up by.

spaCy's English labels (ClearNLP style) are assumed: nsubj/nsubjpass, dobj, dative, agent, prep/pobj,
xcomp/ccomp/advcl/acl/relcl, prt, neg, aux/auxpass, conj/appos.
"""

from __future__ import annotations

from spacy.tokens import Token

# Relations that open a new clause: a phrase search does not descend through them.
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "parataxis", "csubj", "csubjpass", "pcomp"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})
# "left without meeting X": the subject of the verb is the subject of the gerund. Not so for "jailed X for
# helping" or "accused X of making": there the object acts.
_SUBJECT_PREPS = frozenset({"without", "before", "after", "while", "since", "upon", "on", "in", "through", "when", "despite"})


def hyphen_forms(tok: Token) -> list[str]:
    """Keys for the last part of a split hyphenated word: "de - escalation" gives "de-escalation", "deescalation"."""
    doc, i = tok.doc, tok.i
    if i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_:
        pre = doc[i - 2].lower_
        out = []
        for base in dict.fromkeys((tok.lemma_.lower(), tok.lower_)):
            out += [f"{pre}-{base}", f"{pre}{base}"]
        return out
    return []


def lemmas(tok: Token) -> list[str]:
    """The lemma, then guesses from the inflected form for when the lemmatizer slips ("staged" -> "stag")."""
    low = tok.lower_
    out = [tok.lemma_.lower(), low]
    if tok.pos_ in ("VERB", "AUX"):
        for suffix, repl in (("ied", "y"), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""), ("es", ""), ("s", "")):
            if low.endswith(suffix) and len(low) > len(suffix) + 2:
                out.append(low[: -len(suffix)] + repl)
        if len(low) > 4 and low[-3:-2] == low[-4:-3] and low.endswith(("ed", "ing")):  # "planned", "stopping"
            out.append(low[: -3 if low.endswith("ed") else -4])
    return list(dict.fromkeys(out))


def word_keys(tok: Token) -> list[str]:
    """The forms a token is looked up by: lemma (and guesses), lower-cased text, joined hyphenated forms."""
    return list(dict.fromkeys([*hyphen_forms(tok), *lemmas(tok)]))


def phrase_keys(tok: Token) -> list[str]:
    """Keys of a noun with its modifiers: "strike", "air strike", "joint military exercise", "state of emergency"."""
    base = word_keys(tok)
    keys = list(base)
    mods = [c for c in tok.lefts if c.dep_ in MODIFIER_DEPS]
    for b in base:
        for m in mods:
            keys += [f"{m.lemma_.lower()} {b}", f"{m.lower_} {b}"]
            keys += [f"{h} {b}" for h in hyphen_forms(m)]
        if len(mods) > 1:
            keys.append(" ".join(m.lemma_.lower() for m in mods) + f" {b}")
        for p in prep_children(tok, "of"):
            keys += [f"{b} of {o.lemma_.lower()}" for o in p.children if o.dep_ == "pobj"]
    return list(dict.fromkeys(keys))


def particle(v: Token) -> str:
    return next((c.lower_ for c in v.children if c.dep_ == "prt"), "")


def is_passive(v: Token) -> bool:
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children):
        return True
    return v.dep_ == "acl" and v.tag_ == "VBN"


def prep_children(tok: Token, prep: str | None = None) -> list[Token]:
    """Prepositions hanging off ``tok`` (all, or those spelled ``prep``)."""
    return [c for c in tok.children if c.dep_ in ("prep", "agent", "dative") and c.pos_ in ("ADP", "SCONJ")
            and (prep is None or c.lower_ == prep)]


def prep_objects(tok: Token, prep: str) -> list[Token]:
    """Objects of preposition ``prep`` on ``tok``."""
    out = []
    for p in prep_children(tok, prep):
        # "described the talks as constructive": an adjective can stand as the object
        out += [c for c in p.children if c.dep_ in ("pobj", "pcomp") or (c.dep_ in ("amod", "acomp") and c.pos_ == "ADJ")]
    return out


def agent(v: Token) -> Token | None:
    """The by-phrase of a passive verb."""
    for c in v.children:
        if c.dep_ == "agent":
            return next((o for o in c.children if o.dep_ == "pobj"), None)
    return None


def direct_object(v: Token) -> Token | None:
    """The direct object; in the passive, the patient standing as subject (or the noun a participle modifies)."""
    obj = next((c for c in v.children if c.dep_ in ("dobj", "obj")), None)
    if obj is not None:
        return obj
    if is_passive(v):
        pas = next((c for c in v.children if c.dep_ == "nsubjpass"), None)
        if pas is not None:
            return pas
        if v.dep_ == "acl":
            return v.head
        if v.dep_ == "conj" and v.head.pos_ == "VERB":  # "The civilians imprisoned ... were released by Putin"
            return subject(v.head)
    return next((c for c in v.children if c.dep_ in ("attr", "oprd") and c.pos_ in ("NOUN", "PROPN")), None)


def dative(v: Token) -> Token | None:
    return next((c for c in v.children if c.dep_ == "dative" and c.pos_ != "ADP"), None)


def copula_head(word: Token) -> Token:
    """The verb carrying an adjective's subject ("was ready": was)."""
    if word.dep_ in ("acomp", "oprd") or (word.pos_ == "ADJ" and word.dep_ == "amod"):
        return word.head
    return word


def subject(word: Token, _depth: int = 0) -> Token | None:
    """The subject of a verb (or of an adjective through its copula), following shared and relative subjects.

    In the passive this is the patient; callers that want the doer use :func:`agent` first.
    """
    v = copula_head(word)
    subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
    if subj is not None:
        if subj.tag_ in RELATIVE_TAGS and v.dep_ == "relcl":
            return v.head
        return subj
    if _depth > 4:
        return None
    for aux in (c for c in v.children if c.dep_ == "aux"):  # "We cannot and will not allow": the subject hangs off "can"
        subj = next((c for c in aux.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            return subj
    if v.dep_ == "conj" and v.head.pos_ in ("VERB", "AUX"):
        return subject(v.head, _depth + 1)
    if v.dep_ == "relcl" or (v.dep_ == "acl" and v.tag_ == "VBG"):
        return v.head
    if v.dep_ == "advcl" and v.tag_ in ("VBG", "VBN") and v.head.pos_ in ("VERB", "AUX"):
        # "were killed ..., shelling": a passive head's subject is its patient, not the doer of the participle
        if v.tag_ == "VBG" and is_passive(v.head):
            return None
        return subject(v.head, _depth + 1)
    if v.dep_ == "pcomp" and v.head.dep_ == "prep" and v.head.head.pos_ in ("VERB", "AUX") and \
            v.head.lower_ in _SUBJECT_PREPS:
        return subject(v.head.head, _depth + 1)  # "left without meeting X": the leaver meets
    if v.dep_ == "ROOT" and v.pos_ == "VERB":
        # A root verb with no subject is often a mis-parse that hung the real subject on a clause to its
        # left ("Osborne announced on Twitter plans to ...", with "plans" read as the verb).
        return next((t for t in reversed(list(v.doc[v.sent.start:v.i])) if t.dep_ == "nsubj" and t.head.i < v.i), None)
    return None


def has_expletive(v: Token) -> bool:
    return any(c.dep_ == "expl" for c in v.children)


def conjuncts(tok: Token) -> list[Token]:
    """A head and the heads coordinated with it ("Switzerland, Austria and Liechtenstein")."""
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj" and c.pos_ in (tok.pos_, "PROPN", "NOUN"):
            out += conjuncts(c)
        elif c.dep_ == "appos" and any(g.dep_ in ("conj", "cc") for g in c.children):
            out += conjuncts(c)  # "The US, Russia, and Switzerland": a list parsed as apposition
    return list(dict.fromkeys(out))


def governor(tok: Token) -> tuple[Token, str] | None:
    """The word governing ``tok`` and how: (word, via) with via in xcomp, ccomp, dobj, acl, prep:X, pcomp, advcl, attr.

    Coordinated words take the governor of their first conjunct; a copula's adjective stands for the copula
    ("was important for Russia to continue": important, via advcl).
    """
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    dep, head = tok.dep_, tok.head
    if head is tok:
        return None
    if tok.pos_ in ("VERB", "AUX"):
        if dep in ("xcomp", "ccomp", "advcl"):
            return _adjective_of(head) or head, dep
        if dep == "acl" and head.pos_ in ("NOUN", "PROPN"):
            return head, "acl"
        if dep == "pcomp" and head.dep_ == "prep":
            return head.head, f"prep:{head.lower_}"
        return None
    if dep in ("dobj", "obj"):
        return head, "dobj"
    if dep == "nsubjpass" and head.pos_ == "VERB":
        return head, "dobj"
    if dep in ("attr", "oprd"):
        return head, "attr"
    if dep == "nsubj" and head.pos_ == "VERB" and not any(c.dep_ in ("dobj", "obj") for c in head.children):
        return head, "nsubj"  # "the talks collapsed", "talks resumed"
    if dep == "pobj" and head.dep_ in ("prep", "agent", "dative"):
        return head.head, f"prep:{head.lower_}"
    return None


def _adjective_of(v: Token) -> Token | None:
    if v.lemma_ != "be":
        return None
    return next((c for c in v.children if c.dep_ in ("acomp", "attr") and c.pos_ == "ADJ"), None)


def within_clause(tok: Token) -> list[Token]:
    """``tok``'s phrase without the clauses hanging off it, in document order."""
    out = [tok]
    for c in tok.children:
        if c.dep_ not in CLAUSE_DEPS and c.dep_ not in ("punct", "cc"):
            out += within_clause(c)
    return sorted(out, key=lambda t: t.i)
