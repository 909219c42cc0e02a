/**
 * Every tuned number of the engine, in one table, with where it was measured.
 * Change a number here only with the measurement that justifies it (`npm run eval`,
 * `node ../shared/bench/xquad.mjs`, `npm run eval -- --fit`).
 */
export const TUNING = {
  translit: {
    /** A Latin message is read as Russian when at least this share of its words read as Russian words. */
    minRussianShare: 0.4,
  },
  translation: {
    /** Dictionary senses tried per word (Pirkola: one concept, weighted 1/rank). */
    maxSenses: 6,
  },
  followUp: {
    /** A message with at most this many known concepts of its own continues the previous question. */
    maxOwnConcepts: 1,
    /** Weight of the concepts taken over from the previous question. */
    inheritedWeight: 0.6,
  },
  span: {
    /** A title stands at most this many words before the name it belongs to. */
    maxRoleTokens: 25,
    /** Names joined by "и/and" at most this many words apart form one answer. */
    maxListGap: 6,
    /** "…таких областях, как A, B, C": list items after "как" are at most this many words. */
    maxListItemTokens: 5,
  },
  gates: {
    /** Share of the question's concept weight found in the best sentence (same-paragraph neighbours at SCORING.neighbourCredit). */
    minCoverage: 0.3,
    /** Candidates from each retriever before fusion. */
    bm25K: 30,
    vectorK: 20,
    /** Reciprocal rank fusion constant (the usual 60). */
    rrfK: 60,
  },
  /**
   * The answerability model (decide.ts): logistic regression over the features, fitted by
   * `npm run eval -- --fit` on the labelled sets listed in the README ("The decision to answer").
   */
  answerability: {
    bias: -7.296,
    weights: { knownShare: 2.664, unknownContent: -4.911, unknownSpecific: -2.969, bestCoverage: 4.279, bestOwn: 3.056, logKnown: 0.486, similarity: 3.87, logHits: -0.139 },
    /**
     * Answer when the probability is at least this: the highest threshold at which the chat-style
     * sets still answer ≥ 0.92 of what they should (the fit's trade-off table, README).
     */
    threshold: 0.4,
    /** A question none of whose words the corpus has this surely (1 = the word, 1/rank = a dictionary sense) is off-topic before retrieval. */
    minKnownDegree: 0.5,
    /** A refusal names the topic unknown ("off_topic") below this known share, else "no answer found". */
    offTopicBelowKnownShare: 0.5,
  },
};
