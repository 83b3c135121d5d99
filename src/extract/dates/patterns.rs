//! The date rules' patterns, as plain strings: `build.rs` includes this
//! file too, to compile them into DFAs ahead of time, so it uses nothing
//! from the crate.

/// ASCII word boundary: fast in the lazy DFA on any haystack.
pub const B: &str = r"(?-u:\b)";

/// Number words for "six years ago", "the past three days".
pub const NUMW: &str = r"(?:a\s+few|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|few|several|many|some|[0-9]{1,3})";

fn month_pattern(group: &str) -> String {
    let full =
        "January|February|March|April|May|June|July|August|September|October|November|December";
    let abbr = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";
    format!(r"{B}(?P<{group}>(?i-u:(?:{full}){B}|(?:{abbr})(?:\.|{B})))")
}

/// The first expression: one named group per form.
pub fn build_main() -> Vec<String> {
    let year = r"(?:19|20)[0-9]{2}";
    let dmon = month_pattern("d_mon");
    let mmon = month_pattern("m_mon");
    let units = r"(?:hours|days|weeks|months|years|decades)";
    let parts: Vec<String> = vec![
        // 2024-10-14
        format!(r"{B}(?P<iso>{year})-(?P<iso_m>[01][0-9])-(?P<iso_d>[0-3][0-9]){B}"),
        // 10/14/2024
        format!(r"{B}(?P<sl_a>[0-9]{{1,2}})/(?P<sl_b>[0-9]{{1,2}})/(?P<sl_y>{year}){B}"),
        // 14 October 2024, 14th of October
        format!(
            r"{B}(?P<d_day>[0-9]{{1,2}})(?:st|nd|rd|th)?(?:\.?\s+|-)(?:of\s+)?{dmon}(?:(?:\s*,\s*|\s+|-|\s+of\s+)(?P<d_year>{year}){B})?"
        ),
        // October 14, 2024 / Oct. 14 / June 1-3 / June 2024 / June / December's
        format!(
            r"{mmon}(?:(?:\s+|\.\s*|\s*,\s*|[-/])(?:the\s+)?(?P<m_dayx>(?P<m_day>[0-9]{{1,2}})(?:st|nd|rd|th)?){B}(?:\s*(?:[-–]|to|through|thru|till|until)\s*(?:the\s+)?(?P<m_day2x>(?P<m_day2>[0-9]{{1,2}})(?:st|nd|rd|th)?){B})?)?(?:(?:\s*,\s*|\s+|[-/])(?:of\s+)?(?P<m_year>{year}){B})?(?P<m_poss>['’]s)?"
        ),
        // the 1990s
        format!(r"(?i:{B}(?P<dec_the>the\s+)?(?P<dec>(?:1[0-9]|20)[0-9])0\s?['’]?s{B})"),
        // the 70s, the '40s
        format!(r"(?i:{B}(?P<dec2>the\s+['’]?(?P<dec2_n>[1-9])0['’]?s){B})"),
        // 2024, 2019-2021, 2024's
        format!(r"{B}(?P<y>{year})(?:[-–~](?P<y2>{year}|[0-9]{{2}}))?{B}(?P<y_poss>['’]s)?"),
        // Q1 2024
        format!(r"{B}Q(?P<q_n>[1-4])\s+(?P<q_y>{year}){B}"),
        // the first half of 2024, the third quarter
        format!(
            r"(?i:{B}(?P<qh>(?:the\s+)?(?P<qh_n>first|second|third|fourth|1st|2nd|3rd|4th)(?:\s+|-)(?P<qh_u>half|quarter){B})(?:\s+of\s+(?:(?P<qh_y>{year})|(?P<qh_rel>this|last|next|the)\s+year){B})?)"
        ),
        // six years ago, 2 weeks and 2 days ago
        format!(
            r"(?i:{B}(?P<ago>(?P<ago_pre>(?:{NUMW}[\s-]+(?:days?|weeks?|months?|years?)(?:\s*,\s*|\s+and\s+|\s+)){{1,3}})?(?:(?P<ago_n>{NUMW})[\s-]+)?(?P<ago_u>days?|weeks?|months?|years?|decades?)\s+ago){B})"
        ),
        // a fortnight later, 2 years 1 month 21 days later
        format!(
            r"(?i:{B}(?P<lat>(?P<lat_pre>(?:{NUMW}[\s-]+(?:days?|weeks?|fortnights?|months?|years?)(?:\s*,\s*|\s+and\s+|\s+)){{1,3}})?(?P<lat_n>{NUMW})[\s-]+(?P<lat_u>days?|weeks?|fortnights?|months?|years?)\s+later){B})"
        ),
        // the past 96 hours, in the last two years, the past week
        format!(
            r"(?i:{B}(?P<pastn>(?:(?:in|over|during)\s+)?the\s+(?:past(?:\s+{NUMW})?\s+{units}|(?:last|previous)\s+{NUMW}\s+{units}|past\s+(?:week|month|year|decade))){B})"
        ),
        // in the coming months
        format!(
            r"(?i:{B}(?P<coming>(?:in|over|during|within)\s+(?:the\s+)?(?:coming|upcoming|next\s+{NUMW}|next)\s+{units}){B})"
        ),
        // in recent years
        r"(?i:(?-u:\b)(?P<recent>(?:in\s+)?recent\s+(?:days|weeks|months|years|decades))(?-u:\b))"
            .to_string(),
        // earlier this month, later in the year
        format!(
            r"(?i:{B}(?P<el>earlier|later)\s+(?:this|in\s+the)\s+(?P<el_u>week|month|year){B})"
        ),
        // the end of the year, year-end
        format!(
            r"(?i:{B}(?P<endof>(?:the\s+)?(?P<eo_w>end|close|beginning|start|middle)\s+of\s+(?:(?:the|this)\s+)?(?P<eo_u>year|month|week)|year[-\s]end|year['’]s\s+end){B})"
        ),
        // last week, this month, next year, last night
        format!(
            r"(?i:{B}(?P<lnt_w>this\s+past|last|this|next)\s+(?:(?:fiscal|financial|school|academic|calendar)\s+)?(?P<lnt_u>(?:working\s+|work\s*)?week|month|year|weekend|night|morning|afternoon|evening){B})"
        ),
        // the following month, the previous day
        format!(
            r"(?i:{B}(?P<foll>the\s+(?P<foll_w>following|next|previous|preceding|same)\s+(?P<foll_u>day|week|month|year|morning|evening|night)){B})"
        ),
        // over the weekend
        format!(r"(?i:{B}(?:over|at|during|on)\s+(?P<wkend>the\s+weekend){B})"),
        // yesterday, today
        format!(r"(?i:{B}(?P<simple>yesterday|today|tomorrow|tonight|overnight){B})"),
        // New Year, Christmas
        format!(
            r"{B}(?P<hol>New\s+Year['’]s\s+(?:Day|Eve)|New\s+Year|Christmas\s+(?:Day|Eve)|Christmas){B}"
        ),
        // last summer, winter 2023, the summer of 2023
        format!(
            r"(?i:{B}(?:(?P<s_rel>this\s+past|this|last|next|past)\s+)?(?P<s_name>spring|summer|autumn|fall|winter){B}(?:\s+(?:of\s+)?(?P<s_year>{year}){B})?)"
        ),
        // Tuesday, last Tuesday
        format!(
            r"(?i-u:{B}(?:(?P<wd_rel>this\s+coming|this\s+past|this\s+upcoming|last|next|this|past|previous|coming|upcoming|following)\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday|(?P<wd_abbr>mon|tues?|wed|thurs?|thu|fri|sat|sun)\.?){B})"
        ),
        // recently, now, in the past
        format!(
            r"(?i:{B}(?P<vague>recently|currently|nowadays|now|so\s+far|at\s+present|these\s+days|in\s+the\s+past|in\s+the\s+(?:near\s+|distant\s+|foreseeable\s+)?future){B})"
        ),
        // Earlier, ...
        format!(r"{B}(?P<earl>Earlier),"),
    ];
    parts
}

/// Month names and abbreviations (inside a case-insensitive group).
const MONTHS: &str = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)";

/// Weekday names and abbreviations.
const WEEKDAYS: &str = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)";

/// Ordinal day words, longest first.
const ORD_WORDS: &str = r"(?:thirty[\s-]first|twenty[\s-](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)";

/// Cardinal day words of two words (`twenty nine`), and teens.
const CARD_WORDS: &str = r"(?:thirty[\s-]one|twenty[\s-](?:one|two|three|four|five|six|seven|eight|nine)|thirty|twenty|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|ten)";

/// Four-digit years gazette reads.
const YEAR: &str = r"(?:19|20)[0-9]{2}";

/// Time units of relative periods.
const UNITS: &str = r"(?:days?|weeks?|fortnights?|months?|years?)";

/// A year in words: `nineteen ninety-six`, `nineteen hundred ninety three`,
/// `nineteen oh five`, `two thousand and eighteen`.
const WORD_YEAR: &str = r"(?:(?:eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\s+(?:hundred(?:\s+and)?\s+(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine)|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|oh[\s-](?:one|two|three|four|five|six|seven|eight|nine))|two\s+thousand(?:(?:\s+and)?\s+(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine))?)";

/// The second expression: one named group per form, written in lower case
/// and searched in the lower-cased sentence.
pub fn build_extra() -> Vec<String> {
    let m = MONTHS;
    let parts: Vec<String> = vec![
        // nineteen ninety-six, two thousand and fifteen (a month or day
        // written before it is read in `word_year_cand`)
        format!(r"{B}(?P<wy>{WORD_YEAR}){B}"),
        // april22, Dec31 , 1994
        format!(
            r"{B}(?P<g_mon>{m})\.?(?P<g_day>[0-9]{{1,2}})(?:st|nd|rd|th)?(?:\s*,\s*(?P<g_year>{YEAR}))?{B}"
        ),
        // 22april
        format!(r"{B}(?P<h_day>[0-9]{{1,2}})(?:st|nd|rd|th)?(?P<h_mon>{m}){B}"),
        // 2015/08/12, 2015.5.13, 2018-7-6, 2019-sep-1
        format!(
            r"{B}(?P<n_y>{YEAR})(?P<n_s1>[-/.])(?P<n_m>[0-9]{{1,2}}|{m})(?P<n_s2>[-/.])(?P<n_d>[0-9]{{1,2}}){B}"
        ),
        // September-2020-23, 23-2020-September, 2020/23/Sep: a named month,
        // a year and a day in one of the other orders
        format!(
            r"{B}(?P<oo>(?P<oo_m1>{m})[-/](?P<oo_y1>{YEAR})[-/](?P<oo_d1>[0-9]{{1,2}})|(?P<oo_d2>[0-9]{{1,2}})[-/](?P<oo_y2>{YEAR})[-/](?P<oo_m2>{m})|(?P<oo_y3>{YEAR})[-/](?P<oo_d3>[0-9]{{1,2}})[-/](?P<oo_m3>{m})){B}"
        ),
        // 10/1-11/7, from 10/1 to 11/7, 5/1-5/7/2020, 5/1-5/7, 2020
        format!(
            r"{B}(?:(?:on|from|between|by|until|till|since)\s+)?(?P<ndr_a>[0-9]{{1,2}})/(?P<ndr_b>[0-9]{{1,2}})\s*(?:-|(?u:–)|to|till|until|through|thru|and)\s*(?P<ndr_c>[0-9]{{1,2}})/(?P<ndr_d>[0-9]{{1,2}})(?:(?:/|,\s*)(?P<ndr_y>{YEAR}))?{B}"
        ),
        // 21/04/16, 9-18-15, 13.5.2015, 11/12,2016, 05-Aug-2016
        format!(
            r"{B}(?P<u_a>[0-9]{{1,2}})(?P<u_s1>[-/.])(?P<u_b>[0-9]{{1,2}}|{m})(?P<u_s2>[-/.,]\s*)(?P<u_y>{YEAR}|[0-9]{{2}}){B}"
        ),
        // 3/2015, 11 - 2016
        format!(r"{B}(?P<my_m>[0-9]{{1,2}})\s*[-/]\s*(?P<my_y>{YEAR}){B}"),
        // 2015-3, 2016 / 11
        format!(r"{B}(?P<ym_y>{YEAR})\s*[-/]\s*(?P<ym_m>[0-9]{{1,2}}){B}"),
        // 2016 November, 2017 april, 2016 , nov
        format!(r"{B}(?P<yn_y>{YEAR})\s*,?\s*(?P<yn_m>{m}){B}"),
        // from May to September, between august and october, Nov to March
        format!(
            r"{B}(?:(?P<mr_from>from|between)\s+)?(?P<mr_a>{m})\.?\s+(?P<mr_c>to|and|until|till|through|thru)\s+(?P<mr_b>{m}){B}\.?"
        ),
        // April of 87, 15 April of '87
        format!(
            r"{B}(?:(?P<oy_day>[0-9]{{1,2}})(?:st|nd|rd|th)?\s+)?(?P<oy_mon>{m})\s+of\s+(?u:['’])?(?P<oy_y>[0-9]{{2}}){B}"
        ),
        // Jan-Feb 2017, Nov-Feb 2017, Nov-Feb 5th, 2017
        format!(
            r"{B}(?P<mm_a>{m})\.?\s*(?:-|(?u:–))\s*(?P<mm_b>{m})\.?(?:\s+(?P<mm_d>[0-9]{{1,2}})(?:st|nd|rd|th)?)?,?\s+(?P<mm_y>{YEAR}){B}"
        ),
        // on 4/22, on 22/04, on 4-22
        format!(
            r"{B}(?:on|by|until|till|since|from|between|before|after|in|back|this|next|{WEEKDAYS})\.?,?\s+(?P<nd_a>[0-9]{{1,2}})(?P<nd_s>[-/.])(?P<nd_b>[0-9]{{1,2}}){B}"
        ),
        // second of Aug, the tenth of september, 2000
        format!(
            r"{B}(?:the\s+)?(?P<w_day>{ORD_WORDS}|[0-9]{{1,2}}(?:st|nd|rd|th))\s+(?P<w_dw>day\s+)?of\s+(?:(?P<w_mon>{m}){B}(?:\.?,?\s+(?:of\s+)?(?P<w_year>{YEAR}){B})?|(?P<w_rel>the|this|next|last)\s+month{B})"
        ),
        // april ninth through seventeenth, April the 9th till the 17th
        format!(
            r"{B}(?P<vr_mon>{m}){B}\.?\s+(?:the\s+)?(?P<vr_a>[0-9]{{1,2}}(?:st|nd|rd|th)?|{ORD_WORDS})\s*(?:-|(?u:–)|to|till|until|through|thru)\s*(?:the\s+)?(?P<vr_b>[0-9]{{1,2}}(?:st|nd|rd|th)?|{ORD_WORDS}){B}(?:,?\s+(?P<vr_y>{YEAR}){B})?"
        ),
        // May twenty nine, jan first, may the eleventh
        format!(
            r"{B}(?P<v_mon>{m}){B}\.?\s+(?:the\s+)?(?P<v_day>{ORD_WORDS}|{CARD_WORDS}){B}(?:,?\s+(?P<v_year>{YEAR}){B})?"
        ),
        // from 4 to 22 this month, between 3 and 12 of Sept, 4-22 January, 2017
        format!(
            r"{B}(?:(?P<dr_from>from|between)\s+)?(?P<dr_the>the\s+)?(?P<dr_a>[0-9]{{1,2}}(?:st|nd|rd|th)?|{ORD_WORDS})\s*(?P<dr_c>-|(?u:–)|to|till|until|through|thru|and)\s*(?:the\s+)?(?P<dr_b>[0-9]{{1,2}}(?:st|nd|rd|th)?|{ORD_WORDS})\s+(?:of\s+|in\s+)?(?:(?P<dr_rel>this|next|last)\s+month|(?P<dr_mon>{m}){B}(?:\.?\s*,?\s*(?P<dr_y>{YEAR}){B})?)"
        ),
        // November between 19 and 20
        format!(
            r"{B}(?P<mb_mon>{m})\.?\s+between\s+(?P<mb_a>[0-9]{{1,2}})(?:st|nd|rd|th)?\s+and\s+(?P<mb_b>[0-9]{{1,2}})(?:st|nd|rd|th)?{B}"
        ),
        // Friday the 15th, monday 21
        format!(
            r"{B}(?P<wdd_wd>{WEEKDAYS})\.?,?\s+(?:the\s+)?(?P<wdd_day>[0-9]{{1,2}}(?:st|nd|rd|th)?|{ORD_WORDS}|{CARD_WORDS}){B}"
        ),
        // the third Tuesday of July, first sunday
        format!(
            r"{B}(?:the\s+)?(?P<nw_n>first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)\s+(?P<nw_wd>{WEEKDAYS}){B}(?:\s+(?:of|in)\s+(?:(?P<nw_rel>this|next|last)\s+month|(?P<nw_mon>{m}){B}))?"
        ),
        // on the 18th, for the 27, 20th of next month, the 20th next month
        format!(
            r"{B}(?P<th_cue>on|for|by|until|till|since|week\s+of)\s+(?P<th>(?P<th_the>the\s+)?(?P<th_day>[0-9]{{1,2}}(?:st|nd|rd|th)|{ORD_WORDS}|[0-9]{{1,2}})(?:\s+(?:day\s+)?(?:of\s+)?(?P<th_rel>this|next|last)\s+month)?){B}"
        ),
        format!(
            r"{B}(?P<th2>(?:the\s+)?(?P<th2_day>[0-9]{{1,2}}(?:st|nd|rd|th)|{ORD_WORDS})\s+(?:day\s+)?(?:of\s+)?(?P<th2_rel>this|next|last)\s+month){B}"
        ),
        // the first week of July, the last week of 2016, the third week next year
        format!(
            r"{B}(?P<wk>(?:the\s+)?(?P<wk_n>first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)\s+week\s+(?:(?:of|in)\s+)?(?:(?P<wk_rel>this|next|last)\s+(?P<wk_ru>month|year)|(?P<wk_mon>{m}){B}\.?(?:\s+(?P<wk_my>{YEAR}))?|(?P<wk_y>{YEAR}))){B}"
        ),
        // next 3 days, past few weeks, last 3year, the 5 upcoming years
        format!(
            r"{B}(?:(?P<nx>(?P<nx_w>next|past|last|previous|coming|upcoming|following)\s+(?P<nx_n>{NUMW}|couple(?:\s+of)?)\s*(?P<nx_u>{UNITS}|(?:business|working)\s+days)(?P<nx_more>(?:(?:\s*,\s*|\s+and\s+|\s+)[0-9]{{1,3}}\s*{UNITS}){{1,3}})?)|the\s+(?P<nx2>(?P<nx_n2>{NUMW})\s+(?P<nx_w2>next|past|previous|coming|upcoming)\s+(?P<nx_u2>days|weeks|months|years))){B}"
        ),
        // past month, coming week, upcoming month, this decade
        format!(
            r"{B}(?P<lu>(?P<lu_w>coming|upcoming|previous|past|following)\s+(?P<lu_u>week|month|year|decade)|(?P<lu_w2>this|next|last)\s+(?P<lu_u2>decade)){B}"
        ),
        // in 2 weeks, within 9 months, within next 10 months
        format!(
            r"{B}(?P<in>in\s+(?P<in_n>{NUMW})\s*(?P<in_u>{UNITS})|(?P<in_w>within)\s+(?:the\s+)?(?:next\s+)?(?P<in_n2>{NUMW})\s*(?P<in_u2>{UNITS})){B}"
        ),
        // two weeks from now, 2 days after today, three days before yesterday
        format!(
            r"{B}(?P<fr>(?:(?P<fr_q>more|less)\s+than\s+)?(?P<fr_n>{NUMW})\s+(?P<fr_u>{UNITS})\s+(?P<fr_w>from|after|before)\s+(?P<fr_b>now|today|tomorrow|tmrw|yesterday)){B}"
        ),
        // the day after tomorrow, the day before yesterday, tmrw
        r"(?-u:\b)(?P<dd>(?:the\s+)?day\s+(?P<dd_w>after|before)\s+(?P<dd_b>tomorrow|tmrw|yesterday)|(?P<tmrw>tmrw))(?-u:\b)".to_string(),
        // the week after next
        r"(?-u:\b)(?P<wan>(?:the\s+)?week\s+after\s+next)(?-u:\b)".to_string(),
        // rest of the week
        r"(?-u:\b)(?P<rest>(?:rest|remainder|remaining)\s+(?:of\s+)?(?:the\s+|this\s+|my\s+|current\s+)?(?P<rest_u>week|month|year))(?-u:\b)".to_string(),
        // that weekend, that year
        r"(?-u:\b)(?P<that>that\s+(?P<that_u>weekend|week|month|year))(?-u:\b)".to_string(),
        // year to date
        r"(?-u:\b)(?P<ytd>year\s+to\s+date)(?-u:\b)".to_string(),
        // to date, till date: up to now
        r"(?-u:\b)(?P<tdate>(?:to|till|until)\s+(?:the\s+)?(?:current\s+)?date)(?-u:\b)".to_string(),
        // next year's first quarter, this year's second half
        r"(?-u:\b)(?P<yq2>(?P<yq2_rel>this|last|next)\s+year(?u:['’])s\s+(?P<yq2_n>first|second|third|fourth|1st|2nd|3rd|4th)\s+(?P<yq2_u>quarter|half))(?-u:\b)".to_string(),
        // the nineties, the eighties
        r"(?-u:\b)(?P<dw>(?:nineteen[\s-]+)?(?P<dw_n>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))(?-u:\b)".to_string(),
        // holidays
        format!(
            r"{B}(?P<hol>(?P<hol_wkb>(?:the\s+)?weekend\s+of\s+)?(?:(?P<hol_pre>last|next|previous|following)\s+)?(?P<hol_n>christmas\s+eve|christmas\s+day|christmas|new\s+year(?u:['’])?s?\s+eve|new\s+year(?u:['’])?s?\s+day|easter\s+sunday|easter\s+monday|easter|good\s+friday|thanks\s*giving(?:\s+day)?|halloween|valentine(?u:['’])?s\s+day|father(?u:['’])?s\s+day|martin\s+luther\s+king\s+(?:jr\.?\s+)?day|mlk\s+day|(?:saint|st\.?)\s+patrick(?:(?u:['’])?s\s+day|(?u:['’])s)?|earth\s+day|presidents(?u:['’])?\s+day|boxing\s+day|may\s+day|independence\s+day|labor\s+day|black\s+friday|cyber\s+monday|memorial\s+day|veterans(?u:['’])?\s+day|columbus\s+day|mother(?u:['’])?s\s+day|(?:international\s+)?workers(?u:['’])?\s+day|juneteenth)(?P<hol_wk>\s+weekend)?(?:\s+(?:of\s+)?(?:(?P<hol_y>{YEAR})|(?P<hol_rel>this|next|last)\s+year))?(?P<hol_wk2>\s+weekend)?){B}"
        ),
        // this quarter, last quarter, 2017-q1, 2019 H2, q3 2019
        r"(?-u:\b)(?P<qq>(?P<qq_w>this|current|last|next|coming|past|previous|following)\s+quarter)(?-u:\b)".to_string(),
        // the last 2 quarters, the next seven quarters
        format!(
            r"{B}(?P<nq>(?P<nq_w>next|past|last|previous|coming|upcoming|following)\s+(?P<nq_n>{NUMW})\s+quarters){B}"
        ),
        format!(r"{B}(?P<yq_y>{YEAR})(?:\s+|-)?(?P<yq_k>q|h)(?P<yq_n>[1-4]){B}"),
        format!(r"{B}(?P<qy_k>q|h)(?P<qy_n>[1-4])(?:\s+|-|\s+of\s+)(?P<qy_y>{YEAR}){B}"),
        // the first 2 weeks of 2021, the last four months of this year
        format!(
            r"{B}(?P<pu>(?:the\s+)?(?P<pu_w>first|last)\s+(?P<pu_n>{NUMW})\s+(?P<pu_u>days|weeks|months)\s+of\s+(?:the\s+)?(?:(?P<pu_y>{YEAR})|(?P<pu_rel>this|next|last)\s+year)){B}"
        ),
        // the third month of 2021, the 9th month of next year
        format!(
            r"{B}(?P<om>(?:the\s+)?(?P<om_n>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|[0-9]{{1,2}}(?:st|nd|rd|th))\s+month\s+of\s+(?:the\s+)?(?:(?P<om_y>{YEAR})|(?P<om_rel>this|next|last)\s+year)){B}"
        ),
        // the year, the month, the week, the weekend (the reference's own)
        r"(?-u:\b)(?P<tu>the\s+(?P<tu_u>year|month|week|weekend))(?-u:\b)".to_string(),
        // week 31, week 3 of 2027, week 27 of last year
        format!(
            r"{B}(?P<wn>(?P<wn_w>week)\s+(?P<wn_n>[0-9]{{1,2}})(?:\s+of\s+(?:(?P<wn_y>{YEAR})|(?P<wn_rel>this|next|last)\s+year))?){B}"
        ),
        // 20161016
        r"(?-u:\b)(?P<cd>(?P<cd_y>(?:19|20)[0-9]{2})(?P<cd_m>0[1-9]|1[0-2])(?P<cd_d>0[1-9]|[12][0-9]|3[01]))(?-u:\b)".to_string(),
        // FY2008, cy 2008, sy18: a fiscal, calendar or school year
        format!(r"{B}(?P<fy>(?:fy|cy|sy)\s?(?P<fy_y>{YEAR}|[0-9]{{2}})){B}"),
        // the 15th century
        r"(?-u:\b)(?P<cent>(?P<cent_n>[0-9]{1,2})(?:st|nd|rd|th)\s+century)(?-u:\b)".to_string(),
    ];
    // Searched in the sentence lower-cased (ASCII): as `(?i-u)` matches on
    // the text, with an automaton about half the size and half the cost
    // to build in each thread.
    parts.iter().map(|p| format!("(?-u:{p})")).collect()
}
