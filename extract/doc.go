// Package extract finds the figures of a clean text and what they mean.
//
// Quantities (a Recognizer) reads every amount, percentage, count and
// physical quantity: Arabic, Chinese and mixed numerals, scales (万, 亿,
// 万亿), units normalised to SI-like bases (3.5万亿元 = 3.5e12 CNY), bounds
// (以上, 左右, 近, 以内) and byte offsets. Facts binds each quantity to its
// indicator (through an IndicatorFinder, such as metrics.Catalogue), its
// measure (level, growth, share …), target or actual, year and sub-region.
// Sectors and Slogans list the industries a text names and the coined
// formulas it uses; InferDocMeta infers its region, speaker and working
// year with the Gazetteer of administrative divisions.
//
// The word lists and tables are embedded data (data/) or small tables at
// the top of each file. Everything is safe for concurrent use.
package extract
