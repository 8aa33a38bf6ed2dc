"""English articles in the conventions of English-language papers and wire services
(fictional; written for broadsheet's cue rules)."""

TEXT = r"""
=== article env-port
# Port volumes slip as shipping lines skip regional hubs
## Container throughput down for a third straight month
@ SINGAPORE, Oct 16 (Reuters) -
Container volumes at the region's largest ports fell for a third straight month in September, official data showed on Thursday, as shipping lines rerouted vessels and cut calls at smaller hubs.
Throughput dropped 4.2 per cent from a year earlier to 3.1 million twenty-foot equivalent units, the maritime authority said.
"Carriers are consolidating their networks and the smaller terminals feel it first," said Helen Tay, a logistics analyst at a Singapore brokerage.
The authority said it expected volumes to recover in the first quarter as new services begin.
! Cranes load containers at a terminal in Singapore. | REUTERS/Edgar Su
~ (Reporting by Aradhana Lim; Editing by Kim Coghill)

=== article env-wildfire
# Crews gain ground on hillside fire as winds ease
@ BY MARIA LOPEZ AND DAVID CHEN
Firefighters made progress on Thursday against a wildfire that has burned more than 2,000 acres in the hills east of the city, helped by calmer winds and cooler overnight temperatures.
The fire was 40 per cent contained by late afternoon, up from 15 per cent a day earlier, fire officials said. No homes have been lost, though about 300 residents remain under evacuation orders.
"We finally caught a break with the weather," said battalion chief Ron Alvarez. "But we are not out of the woods yet."
Officials said the cause of the fire was under investigation.
! A firefighter monitors a back-burn along a ridge. | Photo courtesy of the County Fire Department
~ The Associated Press contributed to this report.

=== article env-schools
# Schools to trial four-day week in rural districts
@ Sarah Whitfield, Education Correspondent
Twelve rural schools will trial a four-day teaching week from next autumn, in an attempt to recruit and keep teachers in areas that have struggled to fill posts.
Pupils will attend for longer on the four remaining days, so total teaching time will be unchanged, the education department said.
Head teacher Alan Morris, whose school is taking part, said the move had already helped: "We advertised a maths post and got nine applicants. Last year we got none."
Teaching unions welcomed the trial but warned that working parents would need help with childcare on the fifth day.
! Pupils arrive at a village primary school taking part in the trial. | ST PHOTO: KELVIN LIM
~ sarah.whitfield@dailyledger.co.uk

=== article env-bridge
# Historic swing bridge reopens after two-year repair
@ By Emily Tsang in Hong Kong
A century-old swing bridge reopened to pedestrians on Saturday after a two-year restoration that replaced its rusted gears and rebuilt its timber deck.
The bridge, which swings open to let small boats through, had been closed since engineers found cracks in its central pivot.
"People have been asking us every week when it would open again," said project engineer Grace Leung.
The restoration cost HK$86 million, about 20 per cent more than first budgeted.
! People walk across the restored swing bridge. | Jane Fong/Bloomberg via Getty Images
~ — Bloomberg

=== article env-orchestra
# Youth orchestra wins place at international festival
@ Story by Tom Baxter
A youth orchestra from the city's east side has won a place at an international music festival in Vienna next summer, the first time a local ensemble has been invited.
The 60 players, aged 12 to 18, rehearse twice a week in a community hall. Many started on borrowed instruments.
Conductor Li Wen said the players had worked "harder than any professional group I have known". The orchestra is now raising money for the trip.
! Young musicians rehearse in a community hall. | Photo: Tom Baxter/The Ledger
~ Contact Tom Baxter at tbaxter@ledger.com

=== article env-budget
# Finance chief signs off on relief package for small firms
@ From staff reports
The finance secretary approved a HK$3 billion relief package for small businesses on Wednesday, offering rent rebates and low-interest loans to firms hit by higher borrowing costs.
Companies with fewer than 50 staff will be able to apply for loans of up to HK$2 million, with the government guaranteeing 80 per cent.
Business groups said the package was welcome but came late. "Many of our members have already closed," said one association chairman.
! Shoppers walk past closed stores in Sham Shui Po. | AP Photo/Kin Cheung
~ -- Additional reporting by Wendy Shaw

=== box env-box-fire
# Fire at a glance
- Burned: 2,000 acres
- Contained: 40 per cent
- Evacuated: about 300 residents
"""
