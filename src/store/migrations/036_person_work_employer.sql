-- 务工单位: the employer a person works for away from home, as the offices' ledgers of migrant
-- workers record it (富士康科技集团, 某建筑公司); kept as text beside work_province and work_city,
-- searchable, so an office can find everyone working at one firm when it lays off or hires.
ALTER TABLE person ADD COLUMN work_employer TEXT;
