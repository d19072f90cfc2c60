"""Small invented news stories and builders for every input kind (pages, feeds, WARC archives)."""

from __future__ import annotations

import gzip
import io
from html import escape
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

# Each story is distinct enough that no two are near duplicates of each other.
STORIES: dict[str, tuple[str, str]] = {
    "belvale": ("Army retakes Belvale after three days of fighting",
                "Government forces recaptured the northern town of Belvale on Sunday after three days of fighting "
                "with rebel units, the defence ministry said. Residents who fled to the coast said they would not "
                "return until the roads were cleared of mines."),
    "rates": ("Central bank raises rates for third time",
              "The central bank raised its main interest rate by half a point on Thursday, citing stubborn "
              "inflation in food and energy prices. Economists had expected a smaller move, and the currency "
              "strengthened against the dollar."),
    "summit": ("Leaders meet in Nairobi to discuss drought relief",
               "Leaders of six East African countries met in Nairobi on Tuesday to agree on a joint plan for "
               "drought relief. The president of Kenya urged donors to release pledged funds before the rainy "
               "season fails again."),
    "strike": ("Dock workers walk out over pay",
               "Thousands of dock workers in Rotterdam began a 48-hour strike on Monday after talks over pay "
               "collapsed. The union accused port operators of ignoring rising living costs, while shipping firms "
               "warned of delays to deliveries across Europe."),
    "election": ("Opposition wins early vote in coastal province",
                 "The opposition alliance won a clear majority in the coastal province's early election, results "
                 "published on Saturday showed. Its leader promised to review mining licences and to hold a "
                 "referendum on regional autonomy next spring."),
    "quake": ("Earthquake damages hospitals in mountain region",
              "A magnitude 6.1 earthquake struck the mountain region before dawn on Friday, damaging two hospitals "
              "and cutting power to several villages. Rescue teams from neighbouring provinces were sent to search "
              "collapsed buildings."),
    "talks": ("Ceasefire talks resume in Geneva",
              "Negotiators from both warring parties returned to Geneva on Wednesday for a new round of ceasefire "
              "talks mediated by the United Nations. A spokesman said prisoner exchanges and humanitarian corridors "
              "were at the top of the agenda."),
    "sanctions": ("European Union extends sanctions on shipping firms",
                  "The European Union extended sanctions on four shipping companies accused of carrying embargoed "
                  "oil, diplomats said on Monday. The firms deny the charges and said they would challenge the "
                  "decision before the bloc's general court."),
    "protest": ("Farmers block highways in protest at fuel prices",
                "Farmers drove hundreds of tractors onto the main highways around the capital on Thursday to "
                "protest against higher diesel taxes. Police closed several junctions, and the agriculture minister "
                "invited farm unions to talks next week."),
    "aid": ("Aid convoy reaches besieged city",
            "A convoy of thirty trucks carrying food and medicine reached the besieged city late on Sunday, the "
            "Red Cross said. It was the first delivery in two months, and aid workers said supplies would last "
            "barely ten days."),
    "vaccine": ("Health ministry starts measles vaccination drive",
                "The health ministry launched a nationwide measles vaccination drive on Monday after outbreaks in "
                "three northern districts. Officials hope to reach two million children within a month, helped by "
                "mobile clinics and village volunteers."),
    "mine": ("Miners rescued after four days underground",
             "Eleven miners trapped by a flood in a copper mine were brought to the surface on Wednesday after "
             "four days underground. The company said all of them were in stable condition and that an inquiry "
             "into the flooding had been opened."),
    "court": ("Supreme court blocks extradition of journalist",
              "The supreme court blocked the extradition of an investigative journalist on Tuesday, ruling that he "
              "would not receive a fair trial abroad. Press freedom groups welcomed the decision and called for "
              "the charges against him to be dropped."),
    "border": ("Border crossing reopens after two years",
               "The main border crossing between the two neighbouring countries reopened on Saturday after being "
               "closed for two years. Traders queued overnight with trucks of fruit and textiles, and officials "
               "from both governments attended a ribbon-cutting ceremony."),
    "floods": ("Floods force thousands from homes in delta",
               "Heavy monsoon rains flooded dozens of villages in the river delta this week, forcing thousands of "
               "families to move to higher ground. The army deployed boats to evacuate the elderly, and the "
               "government promised emergency payments."),
    "wildfire": ("Wildfire forces evacuation of hillside suburbs",
                 "Firefighters battled a wildfire on the hills above the city overnight as strong winds pushed the "
                 "flames towards suburban streets. Officials ordered the evacuation of five thousand homes and opened "
                 "school gyms as shelters."),
    "satellite": ("Space agency launches weather satellite",
                  "The national space agency launched a new weather satellite from its coastal base on Friday "
                  "morning. Engineers said the satellite would improve storm forecasts and help farmers plan "
                  "harvests across the southern plains."),
}


def page(key: str, extra: str = "") -> str:
    """An HTML page for one story, with navigation and footer furniture around the article."""
    title, body = STORIES[key]
    paras = [s.strip() + "." for s in body.split(". ") if s.strip()]
    paras = [p[:-1] if p.endswith("..") else p for p in paras]
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{escape(title)} | Example News</title>"
        f"</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>{escape(title)}</h1>"
        + "".join(f"<p>{escape(p)}</p>" for p in paras)
        + f"{extra}</article><footer><p>Example News</p></footer></body></html>"
    )


def text(key: str) -> str:
    """A scraped-text version of one story: headline, share line, body."""
    title, body = STORIES[key]
    return f"{title}\n\nShare this article\n\n{body}\n"


def rss(base: str, keys: list[str], title: str = "Example World News") -> str:
    """An RSS 2.0 feed whose items link to ``{base}/{key}``."""
    items = "".join(
        f"<item><title>{escape(STORIES.get(k, (k,))[0])}</title><link>{base}/{k}</link>"
        f"<pubDate>Mon, 13 May 2024 08:00:00 GMT</pubDate><guid>{base}/{k}</guid></item>" for k in keys
    )
    return (f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>{title}</title>"
            f"<link>{base}</link><description>news</description>{items}</channel></rss>")


def atom(base: str, keys: list[str]) -> str:
    """An Atom feed whose entries link to ``{base}/{key}``."""
    entries = "".join(
        f"<entry><title>{escape(STORIES[k][0])}</title><link href='{base}/{k}'/><id>{base}/{k}</id>"
        f"<updated>2024-05-14T10:00:00Z</updated></entry>" for k in keys
    )
    return ("<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
            f"<title>Example Atom</title><id>{base}</id><updated>2024-05-14T10:00:00Z</updated>{entries}</feed>")


def warc(path: Path, records: list[tuple[str, str, str, int]], gz: bool = True) -> Path:
    """A WARC archive of HTTP responses ``(url, content_type, body, status)``, each with its request."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for url, ctype, body, status in records:
        req = writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
        writer.write_record(req)
        headers = StatusAndHeaders(f"{status} OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        resp = writer.create_warc_record(url, "response", payload=io.BytesIO(body.encode("utf-8")),
                                         http_headers=headers)
        writer.write_record(resp)
    path.write_bytes(buf.getvalue())
    return path


def gz(path: Path, data: str) -> Path:
    """Write gzipped UTF-8 text."""
    path.write_bytes(gzip.compress(data.encode("utf-8")))
    return path
